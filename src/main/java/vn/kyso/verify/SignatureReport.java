package vn.kyso.verify;

import java.time.Instant;
import java.util.List;

/** The contract's per-signature result. */
public record SignatureReport(
        Indication indication,
        SubIndication subIndication,
        boolean documentTimestamp,
        String field,
        Signer signer,
        Instant claimedSigningTime,
        Instant timestampTime,
        Boolean coversWholeDocument,
        Instant validationTime,
        List<Check> checks) {

    /** Who signed: from the certificate, and from Kyso's registry when Kyso knows it. */
    public record Signer(String subjectDn, String commonName, String serialNumber, String issuerDn,
            String certificateSha256, String agencyCode, String agencyName, String subscriberType,
            String tokenSerial) {

        public Signer known(String code, String name, String type, String token) {
            return new Signer(subjectDn, commonName, serialNumber, issuerDn, certificateSha256, code, name, type, token);
        }
    }

    public SignatureReport withSigner(Signer known) {
        return new SignatureReport(indication, subIndication, documentTimestamp, field, known, claimedSigningTime,
                timestampTime, coversWholeDocument, validationTime, checks);
    }
}
