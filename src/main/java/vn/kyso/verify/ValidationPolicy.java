package vn.kyso.verify;

import java.time.Instant;

/**
 * The rules a verification applies to the facts, as data an administrator can change. The
 * defaults are the safe ones: unexplained changes after signing fail, revocation must be known,
 * weak algorithms are not accepted without proof that the signature predates their retirement.
 */
public record ValidationPolicy(
        int minRsaBits,
        int minEcBits,
        int minDsaBits,
        /* SHA-1 signatures count only when a timestamp proves they existed before this instant. */
        Instant sha1AcceptedBefore,
        /* CAdES and PAdES signatures must name their signing certificate (ESS signingCertificateV2). */
        boolean requireSigningCertificateReference,
        /* Without revocation data for a certificate the answer is "cannot be determined". */
        boolean requireRevocationData,
        boolean allowFormFillAfterSigning,
        boolean allowAnnotationsAfterSigning,
        /* Accept SHA-1 without proof of age: for archives of old documents, never by default. */
        boolean acceptLegacyAlgorithms) {

    private static final ValidationPolicy DEFAULTS = new ValidationPolicy(2048, 256, 2048,
            Instant.parse("2017-01-01T00:00:00Z"), true, true, true, false, false);

    public static ValidationPolicy defaults() {
        return DEFAULTS;
    }
}
