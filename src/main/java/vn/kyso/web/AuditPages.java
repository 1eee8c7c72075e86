package vn.kyso.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditQueries;
import vn.kyso.common.PageResult;

/** The auditor's page: the chain's integrity first, then the entries, newest first. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
class AuditPages {

    private static final int PAGE_SIZE = 25;

    private final AuditQueries queries;
    private final JsonMapper json;

    AuditPages(AuditQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    record Row(long seq, Instant occurredAt, String actor, String action, String entity,
            List<AuditChanges.Line> changes) {
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(defaultValue = "0") int page,
            Model model, HttpServletResponse response) {
        Map<String, String> errors = FormErrors.none();
        Instant fromAt = startOf(from, 0, "from", errors);
        // "To" is the last day wanted, so the range ends at the start of the day after
        Instant toAt = startOf(to, 1, "to", errors);
        model.addAttribute("errors", errors);
        model.addAttribute("chain", queries.verify());
        model.addAttribute("filter", Map.of("from", value(from), "to", value(to), "actor", value(actor),
                "entityType", value(entityType), "entityId", value(entityId)));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("result", null);
            return "audit/log";
        }
        var filter = new AuditQueries.Filter(fromAt, toAt, blankToNull(actor), blankToNull(entityType),
                blankToNull(entityId));
        PageResult<Row> result = queries.find(filter, new PageResult.PageRequest(Math.max(page, 0), PAGE_SIZE))
                .map(this::row);
        model.addAttribute("result", result);
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
        for (var p : new String[][] {{"from", from}, {"to", to}, {"actor", actor}, {"entityType", entityType},
                {"entityId", entityId}}) {
            if (p[1] != null && !p[1].isBlank()) {
                link.queryParam(p[0], p[1].strip());
            }
        }
        model.addAttribute("previous", result.page() > 0 ? link.cloneBuilder()
                .queryParam("page", result.page() - 1).encode().toUriString() : null);
        model.addAttribute("next", result.page() + 1 < result.totalPages() ? link.cloneBuilder()
                .queryParam("page", result.page() + 1).encode().toUriString() : null);
        return "audit/log";
    }

    private Row row(AuditEntry e) {
        String entity = e.entityId() == null ? e.entityType() : e.entityType() + " " + e.entityId();
        return new Row(e.seq(), e.occurredAt(), e.actor(), e.action(), entity,
                AuditChanges.between(json, e.before(), e.after()));
    }

    private static Instant startOf(String date, int plusDays, String field, Map<String, String> errors) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).plusDays(plusDays).atStartOfDay(PageText.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
