package vn.kyso.reorganisation;

import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.approval.ApprovalAction;
import vn.kyso.approval.ApprovalHandler;

/** Starts a reorganisation once a second registrar approves it, with the same checks as a direct start. */
@Component
class ReorganisationApprovals implements ApprovalHandler {

    private final Reorganisations reorganisations;
    private final JsonMapper json;

    ReorganisationApprovals(Reorganisations reorganisations, JsonMapper json) {
        this.reorganisations = reorganisations;
        this.json = json;
    }

    @Override
    public boolean handles(ApprovalAction action) {
        return action == ApprovalAction.REORGANISATION;
    }

    @Override
    public Object perform(ApprovalAction action, String payload) {
        String id = json.readTree(payload).path("reorganisationId").asString();
        var job = reorganisations.start(id);
        return Map.of("reorganisationId", id, "status", job.status());
    }
}
