package vn.kyso.token;

public enum TokenState {
    /** Received from the provider, in the registrar's stock. */
    IN_STOCK,
    /** Allocated to a managing body, not yet handed to anyone. */
    ALLOCATED,
    /** Handed over to a subscriber (handover record). */
    IN_USE,
    /** Locked after too many wrong PINs. */
    LOCKED,
    /** Sent to the provider to be restored (Mẫu 06). */
    RESTORE_REQUESTED,
    /** Taken back from the subscriber by the managing body. */
    RECOVERED,
    LOST,
    DAMAGED,
    RETURNED_TO_PROVIDER,
    RETIRED
}
