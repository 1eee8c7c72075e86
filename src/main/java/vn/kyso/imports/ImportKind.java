package vn.kyso.imports;

/** What a file brings in. Imported in this order, as each needs the one before it. */
public enum ImportKind {
    AGENCIES, SUBSCRIBERS, TOKENS, CERTIFICATES
}
