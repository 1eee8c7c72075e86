package vn.kyso.certificate;

public enum Source {
    /** Signed by Kyso's built-in CA. */
    ISSUED,
    /** Issued by an outside CA and recorded here. */
    IMPORTED
}
