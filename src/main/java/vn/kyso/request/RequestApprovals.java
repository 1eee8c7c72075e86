package vn.kyso.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.approval.ApprovalAction;
import vn.kyso.approval.ApprovalHandler;
import vn.kyso.approval.Approvals;
import vn.kyso.approval.FourEyes;
import vn.kyso.approval.PendingApproval;

/**
 * Approving a request under four eyes: the registrar who asks to approve prepares it; another
 * approves it, and the request moves then, provided it has not changed since (same version).
 */
@Service
public class RequestApprovals implements ApprovalHandler {

    private final RequestService service;
    private final Approvals approvals;
    private final FourEyes fourEyes;
    private final JsonMapper json;

    public RequestApprovals(RequestService service, Approvals approvals, FourEyes fourEyes, JsonMapper json) {
        this.service = service;
        this.approvals = approvals;
        this.fourEyes = fourEyes;
        this.json = json;
    }

    public record Payload(long requestId, long version, String note) {
    }

    /** The approval waiting for a second registrar, or empty when this transition may happen now. */
    public Optional<PendingApproval> prepare(long id, String slug, RequestBodies.Act act) {
        RequestTransition t = service.transitionNamed(slug);
        if (t != RequestTransition.APPROVE || !fourEyes.required(ApprovalAction.REQUEST_APPROVAL)) {
            return Optional.empty();
        }
        CertificationRequest r = service.get(id);
        service.checkVersion(r, act.version());
        service.requireAllowed(r, t);
        Map<String, Object> summary = new LinkedHashMap<>(RequestService.summary(r));
        summary.put("agencyId", r.agencyId());
        return Optional.of(approvals.prepare(ApprovalAction.REQUEST_APPROVAL, r.id().toString(), r.agencyId(),
                new Payload(r.id(), r.version(), act.note()), summary));
    }

    @Override
    public boolean handles(ApprovalAction action) {
        return action == ApprovalAction.REQUEST_APPROVAL;
    }

    @Override
    public Object perform(ApprovalAction action, String payload) {
        Payload p = json.readValue(payload, Payload.class);
        CertificationRequest r = service.transition(p.requestId(), RequestTransition.APPROVE.slug(),
                new RequestBodies.Act(p.note(), null, null, p.version()));
        return Map.of("number", r.number(), "status", r.status());
    }
}
