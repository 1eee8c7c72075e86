package vn.kyso.certificate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.agency.AgencySql;
import vn.kyso.agency.AgencyService;
import vn.kyso.audit.AuditLog;
import vn.kyso.ca.CertificateAuthorities;
import vn.kyso.common.ApiException;
import vn.kyso.common.Messages;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberService;

/**
 * Revokes every unrevoked certificate of an agency (with or without the agencies below it) or of
 * a subscriber. The dry run walks the same selection through the same checks and says, item by
 * item, what the real run will do; the real run revokes each certificate in its own transaction,
 * so one that cannot be revoked does not hold back the others, and reports each outcome.
 */
@Service
public class BulkRevocation {

    /** Larger selections belong in a tracked job (reorganisations); a request must stay short. */
    static final int MAX_ITEMS = 5_000;

    private final CertificateService service;
    private final AgencyService agencies;
    private final SubscriberService subscribers;
    private final CertificateAuthorities authorities;
    private final CertificateRepository certificates;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Messages messages;
    private final Clock clock;
    private final vn.kyso.token.TokenLinks tokenLinks;
    private final vn.kyso.approval.FourEyes fourEyes;

    public BulkRevocation(CertificateService service, AgencyService agencies, SubscriberService subscribers,
            CertificateAuthorities authorities, CertificateRepository certificates, JdbcClient jdbc, AuditLog audit,
            TransactionTemplate tx, Messages messages, Clock clock, vn.kyso.token.TokenLinks tokenLinks,
            vn.kyso.approval.FourEyes fourEyes) {
        this.service = service;
        this.agencies = agencies;
        this.subscribers = subscribers;
        this.authorities = authorities;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
        this.tokenLinks = tokenLinks;
        this.fourEyes = fourEyes;
    }

    public record Request(String agencyCode, Boolean subtree, Long subscriberId, String tokenSerial,
            RevocationReason reason,
            @com.fasterxml.jackson.annotation.JsonProperty("case") RevocationCase revocationCase,
            @Size(max = 1000) String comment, Boolean dryRun) {
    }

    public enum Outcome { WOULD_REVOKE, WOULD_FAIL, REVOKED, FAILED }

    public record Item(String serialNumber, String commonName, Outcome outcome, String reasonCode,
            vn.kyso.common.Bilingual message) {
    }

    public record Result(boolean dryRun, int total, int revoked, int failed, List<Item> items) {
    }

    public Result run(Request request) {
        boolean dryRun = !Boolean.FALSE.equals(request.dryRun());
        RevocationReason reason = request.reason() != null ? request.reason()
                : request.revocationCase() != null ? request.revocationCase().reason() : null;
        if (reason == null) {
            throw ApiException.badField("reason", "error.certificate.reasonRequired");
        }
        List<Certificate> selection = select(request);
        if (!dryRun && needsApproval(selection)) {
            throw ApiException.conflict("error.approval.required")
                    .with("action", vn.kyso.approval.ApprovalAction.BULK_REVOCATION);
        }
        var revoke = new Requests.Revoke(request.reason(), request.revocationCase(), null, request.comment());
        List<Item> items = new ArrayList<>(selection.size());
        int revoked = 0;
        int failed = 0;
        for (Certificate c : selection) {
            String problem = problem(c, reason);
            if (dryRun) {
                items.add(item(c, problem == null ? Outcome.WOULD_REVOKE : Outcome.WOULD_FAIL, problem));
                continue;
            }
            if (problem != null) {
                items.add(item(c, Outcome.FAILED, problem));
                failed++;
                continue;
            }
            try {
                service.revoke(c.serial, revoke);
                items.add(item(c, Outcome.REVOKED, null));
                revoked++;
            } catch (ApiException e) {
                items.add(new Item(c.serial, c.commonName, Outcome.FAILED, e.key(), messages.both(e.key(), e.args())));
                failed++;
            }
        }
        if (!dryRun) {
            int done = revoked;
            int notDone = failed;
            tx.executeWithoutResult(status -> audit.record(new AuditLog.Change("certificate.bulk-revoke", "certificate",
                    null, null, selectionSummary(request), Map.of("reason", reason.rfcName(), "revoked", done,
                            "failed", notDone, "at", clock.instant().toString()))));
        }
        return new Result(dryRun, selection.size(), revoked, failed, items);
    }

    /**
     * Whether the real run must be prepared and approved by a second person: bulk runs are under
     * four eyes, or organisation revocations are and the selection holds one.
     */
    public boolean needsApproval(Request request) {
        return needsApproval(select(request));
    }

    private boolean needsApproval(List<Certificate> selection) {
        if (fourEyes.required(vn.kyso.approval.ApprovalAction.BULK_REVOCATION)) {
            return true;
        }
        return !selection.isEmpty() && fourEyes.required(vn.kyso.approval.ApprovalAction.ORGANIZATION_REVOCATION)
                && selection.stream().anyMatch(service::organization);
    }

    /**
     * The approved run: exactly the certificates listed when it was prepared, in the caller's
     * transaction. One revoked or put on hold since is reported, not revoked again.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Result revokeListed(Request request, List<String> serials) {
        RevocationReason reason = request.reason() != null ? request.reason()
                : request.revocationCase() != null ? request.revocationCase().reason() : null;
        if (reason == null) {
            throw ApiException.badField("reason", "error.certificate.reasonRequired");
        }
        var revoke = new Requests.Revoke(request.reason(), request.revocationCase(), null, request.comment());
        List<Item> items = new ArrayList<>(serials.size());
        int revoked = 0;
        for (String serial : serials) {
            Certificate c = certificates.findBySerial(serial).orElse(null);
            String problem = c == null ? "error.certificate.notFound"
                    : c.status == CertificateStatus.REVOKED ? "error.certificate.alreadyRevoked" : problem(c, reason);
            if (problem != null) {
                items.add(new Item(serial, c == null ? null : c.commonName, Outcome.FAILED, problem,
                        messages.both(problem, serial, c == null ? "" : c.revokedAt)));
                continue;
            }
            service.revoke(c.serial, revoke);
            items.add(item(c, Outcome.REVOKED, null));
            revoked++;
        }
        audit.record(new AuditLog.Change("certificate.bulk-revoke", "certificate", null, null,
                selectionSummary(request), Map.of("reason", reason.rfcName(), "revoked", revoked,
                        "failed", items.size() - revoked, "at", clock.instant().toString())));
        return new Result(false, serials.size(), revoked, items.size() - revoked, items);
    }

    /** The same checks the real revocation makes, as a message key, or null if it would succeed. */
    private String problem(Certificate c, RevocationReason reason) {
        if (reason == RevocationReason.CERTIFICATE_HOLD) {
            if (!authorities.of(authorities.byId(c.caId)).supportsHold()) {
                return "error.certificate.holdNotSupported";
            }
            if (c.status == CertificateStatus.ON_HOLD) {
                return "error.certificate.alreadyOnHold";
            }
        }
        return null;
    }

    private Item item(Certificate c, Outcome outcome, String problem) {
        return new Item(c.serial, c.commonName, outcome, problem,
                problem == null ? null : messages.both(problem, c.serial));
    }

    private List<Certificate> select(Request request) {
        int named = (request.agencyCode() == null ? 0 : 1) + (request.subscriberId() == null ? 0 : 1)
                + (request.tokenSerial() == null ? 0 : 1);
        if (named != 1) {
            throw ApiException.badField("agencyCode", "error.bulk.selection");
        }
        StringBuilder sql = new StringBuilder("SELECT c.id FROM certificate c JOIN subscriber s ON s.id = c.subscriber_id"
                + " JOIN agency a ON a.id = s.agency_id WHERE c.status <> 'REVOKED'");
        Map<String, Object> args = new HashMap<>();
        if (request.tokenSerial() != null) {
            sql.append(" AND c.token_id = :token");
            args.put("token", tokenLinks.visibleId(request.tokenSerial()));
        } else if (request.subscriberId() != null) {
            Subscriber subscriber = subscribers.get(request.subscriberId());
            sql.append(" AND c.subscriber_id = :subscriber");
            args.put("subscriber", subscriber.id());
        } else {
            AgencySql.ofAgency(sql, args, agencies.get(request.agencyCode()), Boolean.TRUE.equals(request.subtree()));
        }
        sql.append(" ORDER BY c.id");
        List<Long> ids = jdbc.sql(sql.toString()).params(args).query(Long.class).list();
        if (ids.size() > MAX_ITEMS) {
            throw ApiException.badField("agencyCode", "error.bulk.tooMany", ids.size(), MAX_ITEMS);
        }
        Map<Long, Certificate> byId = new HashMap<>();
        certificates.findAllById(ids).forEach(c -> byId.put(c.id, c));
        return ids.stream().map(byId::get).toList();
    }

    private static Map<String, Object> selectionSummary(Request request) {
        Map<String, Object> summary = new HashMap<>();
        if (request.agencyCode() != null) {
            summary.put("agencyCode", request.agencyCode());
            summary.put("subtree", Boolean.TRUE.equals(request.subtree()));
        }
        if (request.subscriberId() != null) {
            summary.put("subscriberId", request.subscriberId());
        }
        if (request.tokenSerial() != null) {
            summary.put("tokenSerial", request.tokenSerial());
        }
        return summary;
    }
}
