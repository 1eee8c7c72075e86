package vn.kyso.approval;

public enum ApprovalStatus {
    PENDING,
    /** Approved by a second person and carried out in the same transaction. */
    APPROVED,
    /** Declined by a second person. */
    REJECTED,
    /** Taken back by the person who prepared it. */
    WITHDRAWN
}
