package vn.kyso.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.certificate.BulkRevocation;
import vn.kyso.certificate.Certificate;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.Requests;
import vn.kyso.common.ApiException;
import vn.kyso.subscriber.SubscriberService;

/**
 * Revocations under four eyes. Preparing runs every check the revocation itself makes (a bulk
 * run is previewed), so what waits for approval is something that can happen; approving performs
 * the call as prepared: the same certificate, or exactly the certificates the preview listed.
 */
@Service
public class CertificateRevocations implements ApprovalHandler {

    private final CertificateService certificates;
    private final BulkRevocation bulk;
    private final SubscriberService subscribers;
    private final Approvals approvals;
    private final FourEyes fourEyes;
    private final JsonMapper json;

    public CertificateRevocations(CertificateService certificates, BulkRevocation bulk, SubscriberService subscribers,
            Approvals approvals, FourEyes fourEyes, JsonMapper json) {
        this.certificates = certificates;
        this.bulk = bulk;
        this.subscribers = subscribers;
        this.approvals = approvals;
        this.fourEyes = fourEyes;
        this.json = json;
    }

    public record Revocation(String serial, Requests.Revoke request) {
    }

    public record Bulk(BulkRevocation.Request request, List<String> serials) {
    }

    /** The revocation waiting for a second registrar, or empty when it may be carried out now. */
    public Optional<PendingApproval> prepareRevocation(String serial, Requests.Revoke request) {
        if (!fourEyes.required(ApprovalAction.ORGANIZATION_REVOCATION)) {
            return Optional.empty();
        }
        Certificate certificate = certificates.get(serial);
        if (!certificates.organization(certificate)) {
            return Optional.empty();
        }
        var reason = certificates.checkRevocable(certificate, request);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("serialNumber", certificate.serial());
        summary.put("reason", reason.rfcName());
        if (request.revocationCase() != null) {
            summary.put("case", request.revocationCase());
        }
        Long agency = subscribers.findAgencyId(certificate.subscriberId());
        return Optional.of(approvals.prepare(ApprovalAction.ORGANIZATION_REVOCATION, certificate.serial(), agency,
                new Revocation(certificate.serial(), request), summary));
    }

    /** The bulk run waiting for a second registrar, or empty when it may run now (or is a dry run). */
    public Optional<PendingApproval> prepareBulk(BulkRevocation.Request request) {
        if (!Boolean.FALSE.equals(request.dryRun()) || !bulk.needsApproval(request)) {
            return Optional.empty();
        }
        var preview = bulk.run(new BulkRevocation.Request(request.agencyCode(), request.subtree(),
                request.subscriberId(), request.tokenSerial(), request.reason(), request.revocationCase(),
                request.comment(), true));
        List<String> serials = preview.items().stream()
                .filter(i -> i.outcome() == BulkRevocation.Outcome.WOULD_REVOKE).map(BulkRevocation.Item::serialNumber)
                .toList();
        if (serials.isEmpty()) {
            throw ApiException.conflict("error.approval.nothingToRevoke");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("certificates", serials.size());
        summary.put("selection", request);
        return Optional.of(approvals.prepare(ApprovalAction.BULK_REVOCATION, null, null,
                new Bulk(request, serials), summary));
    }

    @Override
    public boolean handles(ApprovalAction action) {
        return action == ApprovalAction.ORGANIZATION_REVOCATION || action == ApprovalAction.BULK_REVOCATION;
    }

    @Override
    public Object perform(ApprovalAction action, String payload) {
        if (action == ApprovalAction.ORGANIZATION_REVOCATION) {
            Revocation r = json.readValue(payload, Revocation.class);
            Certificate revoked = certificates.revoke(r.serial(), r.request());
            return Map.of("serialNumber", revoked.serial(), "status", revoked.status(), "revokedAt",
                    revoked.revokedAt());
        }
        Bulk b = json.readValue(payload, Bulk.class);
        BulkRevocation.Result result = bulk.revokeListed(b.request(), b.serials());
        return Map.of("total", result.total(), "revoked", result.revoked(), "failed", result.failed());
    }
}
