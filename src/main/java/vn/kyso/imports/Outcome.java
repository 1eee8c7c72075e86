package vn.kyso.imports;

/** What a row does: the dry run says what it would do, the real run what it did; the two are the same. */
public enum Outcome {
    CREATE, UPDATE, UNCHANGED,
    /** Read and left aside on purpose, e.g. a CA certificate in a bundle. */
    SKIP,
    REJECT
}
