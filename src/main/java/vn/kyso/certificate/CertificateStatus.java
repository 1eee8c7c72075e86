package vn.kyso.certificate;

/** What is stored: whether the certificate has been revoked or put on hold. Expiry is derived. */
public enum CertificateStatus {
    GOOD, ON_HOLD, REVOKED
}
