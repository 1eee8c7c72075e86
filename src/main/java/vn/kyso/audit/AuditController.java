package vn.kyso.audit;

import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;

/** Read-only by construction: the audit API has no write route. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
public class AuditController {

    private final AuditQueries queries;
    private final JsonMapper json;
    private final int maxPageSize;

    public AuditController(AuditQueries queries, JsonMapper json, KysoProperties properties) {
        this.queries = queries;
        this.json = json;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    public record EntryView(long seq, Instant occurredAt, String actor, String action, String entityType,
            String entityId, JsonNode before, JsonNode after, String requestId, String prevHash, String hash) {
    }

    /** {@code entity} is a type ("agency") or a type and id ("agency:SYT"). */
    @GetMapping
    public PageResult<EntryView> list(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String entity, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        String type = null;
        String id = null;
        if (entity != null && !entity.isBlank()) {
            int colon = entity.indexOf(':');
            type = colon < 0 ? entity : entity.substring(0, colon);
            id = colon < 0 ? null : entity.substring(colon + 1);
        }
        var filter = new AuditQueries.Filter(from, to, blankToNull(actor), type, id);
        return queries.find(filter, PageResult.PageRequest.of(page, size, maxPageSize)).map(this::view);
    }

    @GetMapping("/verify")
    public AuditQueries.Verification verify() {
        return queries.verify();
    }

    private EntryView view(AuditEntry e) {
        return new EntryView(e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                tree(e.before()), tree(e.after()), e.requestId(), e.prevHash(), e.hash());
    }

    /** Stored as JSON by AuditLog; a row edited into something else is shown as text, not a 500. */
    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            return json.getNodeFactory().stringNode(text);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
