package vn.kyso.verify.path;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.Pki;

/**
 * The status of a certificate from OCSP responses already at hand (RFC 6960). A response counts
 * only when the issuer signed it or a responder the issuer certified for id-kp-OCSPSigning
 * (4.2.2.2); anything else is ignored, as if it were not there.
 */
final class OcspCheck {

    private OcspCheck() {
    }

    static Optional<CertStatus> status(Collection<BasicOCSPResp> responses, X509Certificate certificate,
            X509Certificate issuer, Instant validationTime, Instant now) {
        if (responses == null || responses.isEmpty() || issuer == null) {
            return Optional.empty();
        }
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
            JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            CertStatus best = null;
            for (BasicOCSPResp response : responses) {
                if (!signedForIssuer(response, issuer)) {
                    continue;
                }
                for (SingleResp single : response.getResponses()) {
                    if (!single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                            || !single.getCertID().matchesIssuer(issuerHolder, digests)) {
                        continue;
                    }
                    Instant thisUpdate = single.getThisUpdate().toInstant();
                    if (thisUpdate.isAfter(now) || single.getCertStatus() instanceof UnknownStatus) {
                        continue;
                    }
                    if (single.getCertStatus() instanceof RevokedStatus revoked) {
                        String reason = revoked.hasRevocationReason() ? Reasons.name(revoked.getRevocationReason()) : null;
                        return Optional.of(new CertStatus(certificate, CertStatus.State.REVOKED, CertStatus.Source.OCSP,
                                revoked.getRevocationTime().toInstant(), reason, false));
                    }
                    // "good" vouches for the time between thisUpdate and nextUpdate, or for any time before it was said
                    Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
                    boolean covers = !thisUpdate.isBefore(validationTime)
                            || nextUpdate == null || !nextUpdate.isBefore(validationTime);
                    if (covers) {
                        best = new CertStatus(certificate, CertStatus.State.GOOD, CertStatus.Source.OCSP, null, null, false);
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean signedForIssuer(BasicOCSPResp response, X509Certificate issuer) {
        if (signatureValid(response, issuer.getPublicKey())) {
            return true;
        }
        try {
            JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            var issuerVerifier = new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(issuer.getPublicKey());
            for (X509CertificateHolder responder : response.getCerts()) {
                if (!responder.getIssuer().equals(issuerHolder.getSubject())
                        || !responder.isSignatureValid(issuerVerifier)
                        || !responder.isValidOn(response.getProducedAt())) {
                    continue;
                }
                var eku = org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions());
                if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                    continue;
                }
                PublicKey key = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(Pki.BC)
                        .getCertificate(responder).getPublicKey();
                if (signatureValid(response, key)) {
                    return true;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    private static boolean signatureValid(BasicOCSPResp response, PublicKey key) {
        try {
            return response.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(key));
        } catch (Exception e) {
            return false;
        }
    }
}
