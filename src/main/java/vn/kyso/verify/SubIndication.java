package vn.kyso.verify;

/** ETSI EN 319 102-1 sub-indications Kyso reports, with the main indication each belongs to. */
public enum SubIndication {
    FORMAT_FAILURE(Indication.TOTAL_FAILED),
    HASH_FAILURE(Indication.TOTAL_FAILED),
    SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED),
    REVOKED(Indication.TOTAL_FAILED),
    SIG_CONSTRAINTS_FAILURE(Indication.INDETERMINATE),
    NOT_YET_VALID(Indication.TOTAL_FAILED),
    SIGNED_DATA_NOT_FOUND(Indication.INDETERMINATE),
    NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE),
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE),
    CHAIN_CONSTRAINTS_FAILURE(Indication.INDETERMINATE),
    CRYPTO_CONSTRAINTS_FAILURE(Indication.INDETERMINATE),
    CERTIFICATE_CHAIN_GENERAL_FAILURE(Indication.INDETERMINATE),
    EXPIRED(Indication.INDETERMINATE),
    OUT_OF_BOUNDS_NO_POE(Indication.INDETERMINATE),
    REVOKED_NO_POE(Indication.INDETERMINATE),
    REVOKED_CA_NO_POE(Indication.INDETERMINATE),
    TRY_LATER(Indication.INDETERMINATE),
    TIMESTAMP_ORDER_FAILURE(Indication.INDETERMINATE),
    POLICY_PROCESSING_ERROR(Indication.INDETERMINATE);

    private final Indication indication;

    SubIndication(Indication indication) {
        this.indication = indication;
    }

    public Indication indication() {
        return indication;
    }
}
