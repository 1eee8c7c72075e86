package vn.kyso.approval;

/**
 * Carries out prepared actions of the kinds it handles. {@link Approvals} calls it inside the
 * approval's transaction, so the action, its audit entries and the approval commit together.
 */
public interface ApprovalHandler {

    boolean handles(ApprovalAction action);

    /** Performs the action exactly as {@code payload} (the JSON stored when it was prepared) says; returns what happened. */
    Object perform(ApprovalAction action, String payload);
}
