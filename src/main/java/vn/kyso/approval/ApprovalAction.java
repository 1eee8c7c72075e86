package vn.kyso.approval;

/** The actions a province may put under four eyes: one registrar prepares, another approves. */
public enum ApprovalAction {
    /** POST /certificates/{serial}/revoke of an organisation's (seal) certificate. */
    ORGANIZATION_REVOCATION,
    /** A real (not dry) run of POST /certificates/bulk-revoke. */
    BULK_REVOCATION,
    /** POST /requests/{id}/approve: a request Kyso's own CA is to carry out. */
    REQUEST_APPROVAL,
    /** POST /reorganisations/{id}/start: a merger or dissolution, thousands of moves and revocations. */
    REORGANISATION
}
