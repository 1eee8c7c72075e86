package vn.kyso.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vn.kyso.ca.Pki;
import vn.kyso.verify.path.PathValidator;
import vn.kyso.verify.path.RevocationRegistry;
import vn.kyso.verify.pdf.PdfLimits;

/**
 * The signed documents of pki-samples/ give the verdicts their manifest promises, verified as a
 * relying party would on the day they were made: trusting only the sample root, with the sample
 * CRL as the only revocation data.
 */
class SampleDocumentsVerifiedTest {

    private static final Path SAMPLES = Path.of("pki-samples");

    @TestFactory
    Stream<DynamicTest> everySampleDocument() throws Exception {
        X509CRL crl = crl("crl/kyso.crl");
        X509CRL rootCrl = crl("crl/kyso-root.crl");
        Clock then = Clock.fixed(crl.getThisUpdate().toInstant().plusSeconds(60), ZoneOffset.UTC);
        Verifier verifier = new Verifier(new PathValidator(RevocationRegistry.NONE), PdfLimits.defaults(), then);
        TrustContext trust = new TrustContext(
                Set.of(new TrustAnchor(Pki.certificates(Corpus.read(SAMPLES.resolve("ca/kyso-root.pem"))).get(0), null)),
                Pki.certificates(Corpus.read(SAMPLES.resolve("ca/kyso.pem"))), List.of(crl, rootCrl),
                TrustContext.KnownCertificates.NONE, RevocationRegistry.NONE);
        Path documents = SAMPLES.resolve("documents");
        return Corpus.tsv(documents.resolve("manifest.tsv")).stream().map(row -> DynamicTest.dynamicTest(
                row.get("file") + (row.get("content").isEmpty() ? "" : " + " + row.get("content")),
                () -> check(verifier, trust, documents, row)));
    }

    private static X509CRL crl(String file) throws Exception {
        return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509", Pki.BC)
                .generateCRL(new java.io.ByteArrayInputStream(Corpus.read(SAMPLES.resolve(file))));
    }

    private static void check(Verifier verifier, TrustContext trust, Path documents, Map<String, String> row) {
        byte[] file = Corpus.read(documents.resolve(row.get("file")));
        VerificationReport r = row.get("content").isEmpty()
                ? verifier.verify(file, null, null, trust, ValidationPolicy.defaults())
                : verifier.verify(Corpus.read(documents.resolve(row.get("content"))), file, null, trust,
                        ValidationPolicy.defaults());
        String expected = row.get("expected_indication") + (row.get("expected_subindication").isEmpty() ? ""
                : "/" + row.get("expected_subindication"));
        String got = r.indication() + (r.subIndication() == null ? "" : "/" + r.subIndication());
        assertEquals(expected, got, Corpus.describe(r));
        assertEquals(row.get("format"), r.format());
    }
}
