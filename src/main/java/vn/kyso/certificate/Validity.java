package vn.kyso.certificate;

/** What a person is told about a certificate now: stored status and the clock together. */
public enum Validity {
    VALID, NOT_YET_VALID, EXPIRED, ON_HOLD, REVOKED
}
