package vn.kyso.verify;

/** ETSI EN 319 102-1 main indications, plus the contract's answer for a document with no signature. */
public enum Indication {
    TOTAL_PASSED,
    TOTAL_FAILED,
    INDETERMINATE,
    NO_SIGNATURE_FOUND
}
