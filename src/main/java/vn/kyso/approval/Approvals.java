package vn.kyso.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.agency.AgencyRepository;
import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.PageResult;
import vn.kyso.common.Text;
import vn.kyso.security.CurrentUser;
import vn.kyso.security.KysoPrincipal;

/**
 * Four eyes: one person prepares an action, which waits here with its exact call; a different
 * person approves it, and the action is carried out then, in the approval's transaction, as it was
 * prepared. The one who prepared it may withdraw it but never approve it.
 */
@Service
public class Approvals {

    private final PendingApprovalRepository approvals;
    private final ObjectProvider<ApprovalHandler> handlers;
    private final FourEyes fourEyes;
    private final AgencyRepository agencies;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    public Approvals(PendingApprovalRepository approvals, ObjectProvider<ApprovalHandler> handlers, FourEyes fourEyes,
            AgencyRepository agencies, JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock) {
        this.approvals = approvals;
        this.handlers = handlers;
        this.fourEyes = fourEyes;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    public record View(long id, ApprovalAction action, String entityId, String agencyCode, ApprovalStatus status,
            JsonNode summary, JsonNode payload, String preparedBy, Instant preparedAt, String decidedBy,
            Instant decidedAt, String decisionNote, JsonNode result, long version) {
    }

    /** Records an action to be approved; {@code entityId}, when given, allows one open approval per thing. */
    @Transactional
    public PendingApproval prepare(ApprovalAction action, String entityId, Long agencyId, Object payload,
            Map<String, Object> summary) {
        if (entityId != null) {
            approvals.findFirstByActionAndEntityIdAndStatus(action, entityId, ApprovalStatus.PENDING).ifPresent(p -> {
                throw ApiException.conflict("error.approval.alreadyPending", p.id).with("approvalId", p.id);
            });
        }
        PendingApproval p = new PendingApproval();
        p.action = action;
        p.entityId = entityId;
        p.agencyId = agencyId;
        p.payload = json.writeValueAsString(payload);
        p.summary = json.writeValueAsString(summary);
        p.status = ApprovalStatus.PENDING;
        p.preparedBy = AuditLog.currentActor();
        p.preparedAt = clock.instant();
        approvals.save(p);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("action", action);
        after.put("entityId", entityId);
        after.put("preparedBy", p.preparedBy);
        after.put("summary", summary);
        audit.record(new AuditLog.Change("approval.prepare", "approval", p.id.toString(), agencyId, null, after));
        return p;
    }

    /** Approves and carries out the action; the person who prepared it gets 403. */
    @Transactional
    public PendingApproval approve(long id, Long version) {
        PendingApproval p = open(id, version);
        KysoPrincipal user = CurrentUser.require();
        if (user.getUsername().equals(p.preparedBy)) {
            throw ApiException.forbidden("error.approval.samePerson");
        }
        ApprovalHandler handler = handlers.orderedStream().filter(h -> h.handles(p.action)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for " + p.action));
        // claimed first: of two approvers racing, the second finds a new version and gets 409
        p.status = ApprovalStatus.APPROVED;
        p.decidedBy = user.getUsername();
        p.decidedAt = clock.instant();
        approvals.save(p);
        Object result = fourEyes.performing(p.id, () -> handler.perform(p.action, p.payload));
        p.result = json.writeValueAsString(result);
        approvals.save(p);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", p.status);
        after.put("action", p.action);
        after.put("entityId", p.entityId);
        after.put("preparedBy", p.preparedBy);
        after.put("approvedBy", p.decidedBy);
        audit.record(new AuditLog.Change("approval.approve", "approval", p.id.toString(), p.agencyId,
                Map.of("status", ApprovalStatus.PENDING), after));
        return p;
    }

    /** Declines the action (another person) or withdraws it (the person who prepared it); nothing is carried out. */
    @Transactional
    public PendingApproval reject(long id, String reason, Long version) {
        String cleaned = Text.clean(reason);
        if (cleaned == null) {
            throw ApiException.badField("reason", "error.required");
        }
        PendingApproval p = open(id, version);
        String user = CurrentUser.require().getUsername();
        p.status = user.equals(p.preparedBy) ? ApprovalStatus.WITHDRAWN : ApprovalStatus.REJECTED;
        p.decidedBy = user;
        p.decidedAt = clock.instant();
        p.decisionNote = cleaned;
        approvals.save(p);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", p.status);
        after.put("preparedBy", p.preparedBy);
        after.put("decidedBy", p.decidedBy);
        after.put("reason", cleaned);
        audit.record(new AuditLog.Change(p.status == ApprovalStatus.WITHDRAWN ? "approval.withdraw" : "approval.reject",
                "approval", p.id.toString(), p.agencyId, Map.of("status", ApprovalStatus.PENDING), after));
        return p;
    }

    public PendingApproval get(long id) {
        return approvals.findById(id).orElseThrow(() -> ApiException.notFound("error.approval.notFound", id));
    }

    /** The open approval waiting for this thing, if any. */
    public Optional<Long> pendingFor(ApprovalAction action, String entityId) {
        return approvals.findFirstByActionAndEntityIdAndStatus(action, entityId, ApprovalStatus.PENDING)
                .map(PendingApproval::id);
    }

    public PageResult<View> list(ApprovalStatus status, ApprovalAction action, PageResult.PageRequest page) {
        StringBuilder where = new StringBuilder(" FROM pending_approval WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            args.put("status", status.name());
        }
        if (action != null) {
            where.append(" AND action = :action");
            args.put("action", action.name());
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(args).query(Long.class).single();
        args.put("limit", page.size());
        args.put("offset", page.offset());
        List<Long> ids = jdbc.sql("SELECT id" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset").params(args)
                .query(Long.class).list();
        Map<Long, PendingApproval> byId = new HashMap<>();
        approvals.findAllById(ids).forEach(p -> byId.put(p.id, p));
        return PageResult.of(ids.stream().map(byId::get).map(this::view).toList(), page, total);
    }

    public View view(PendingApproval p) {
        String agency = p.agencyId == null ? null : agencies.findById(p.agencyId).map(a -> a.code()).orElse(null);
        return new View(p.id, p.action, p.entityId, agency, p.status, tree(p.summary), tree(p.payload), p.preparedBy,
                p.preparedAt, p.decidedBy, p.decidedAt, p.decisionNote, tree(p.result), p.version);
    }

    private PendingApproval open(long id, Long version) {
        PendingApproval p = get(id);
        if (version != null && !version.equals(p.version)) {
            throw ApiException.conflict("error.concurrentChange");
        }
        if (p.status != ApprovalStatus.PENDING) {
            throw ApiException.conflict("error.approval.decided", p.id, p.status, p.decidedBy)
                    .with("currentStatus", p.status);
        }
        return p;
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
