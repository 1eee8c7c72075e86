package vn.kyso.ca;

public enum CaKind {
    /** Kyso's own CA: it issues, and answers CRL and OCSP for, its certificates. */
    BUILT_IN,
    /** A CA elsewhere (the government CA): its certificates are imported, its CRLs applied. */
    OUTSIDE
}
