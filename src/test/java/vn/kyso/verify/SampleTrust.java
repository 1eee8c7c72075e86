package vn.kyso.verify;

import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import vn.kyso.ca.Pki;
import vn.kyso.verify.path.PathValidator;
import vn.kyso.verify.path.RevocationRegistry;
import vn.kyso.verify.pdf.PdfLimits;

/**
 * A relying party of the sample PKI in pki-samples/ on the day it was made: it trusts only the
 * sample root, knows the issuing CA, and has both sample CRLs as its revocation data.
 */
public final class SampleTrust {

    public static final Path SAMPLES = Path.of("pki-samples");

    private SampleTrust() {
    }

    public static TrustContext trust() {
        return new TrustContext(
                Set.of(new TrustAnchor(Pki.certificates(Corpus.read(SAMPLES.resolve("ca/kyso-root.pem"))).get(0), null)),
                Pki.certificates(Corpus.read(SAMPLES.resolve("ca/kyso.pem"))),
                List.of(crl("crl/kyso.crl"), crl("crl/kyso-root.crl")),
                TrustContext.KnownCertificates.NONE, RevocationRegistry.NONE);
    }

    /** A verifier whose "now" is a minute after the sample CRLs were signed, so they are fresh. */
    public static Verifier verifier() {
        Clock then = Clock.fixed(crl("crl/kyso.crl").getThisUpdate().toInstant().plusSeconds(60), ZoneOffset.UTC);
        return new Verifier(new PathValidator(RevocationRegistry.NONE), PdfLimits.defaults(), then);
    }

    private static X509CRL crl(String file) {
        try {
            return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509", Pki.BC)
                    .generateCRL(new java.io.ByteArrayInputStream(Corpus.read(SAMPLES.resolve(file))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
