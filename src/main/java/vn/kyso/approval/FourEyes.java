package vn.kyso.approval;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import vn.kyso.common.ApiException;

/**
 * The guard the services call before an action that may need a second person. While an approved
 * action is being carried out (on the approver's thread, inside the approval's transaction) the
 * guard lets it through; otherwise, with the rule on, the action is refused: it must be prepared
 * and approved, so no page or script can go around the rule.
 */
@Component
public class FourEyes {

    private static final ThreadLocal<Long> PERFORMING = new ThreadLocal<>();

    private final ApprovalRules rules;

    public FourEyes(ApprovalRules rules) {
        this.rules = rules;
    }

    /** True when the action must go through an approval now. */
    public boolean required(ApprovalAction action) {
        return PERFORMING.get() == null && rules.fourEyes(action);
    }

    public void guard(ApprovalAction action) {
        if (required(action)) {
            throw ApiException.conflict("error.approval.required").with("action", action);
        }
    }

    /** Runs an approved action: the guards inside it pass. */
    <T> T performing(long approvalId, Supplier<T> work) {
        Long outer = PERFORMING.get();
        PERFORMING.set(approvalId);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PERFORMING.remove();
            } else {
                PERFORMING.set(outer);
            }
        }
    }
}
