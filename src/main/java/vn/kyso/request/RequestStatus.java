package vn.kyso.request;

public enum RequestStatus {
    /** Recorded; the deadline runs from here. */
    RECEIVED,
    /** The registrar checked the letter and the rows. */
    CHECKED,
    /** Passed on to the certificate service provider, which does the work. */
    SENT_TO_PROVIDER,
    /** Approved for Kyso's own CA to carry out. */
    APPROVED,
    DONE,
    REJECTED;

    public boolean open() {
        return this != DONE && this != REJECTED;
    }
}
