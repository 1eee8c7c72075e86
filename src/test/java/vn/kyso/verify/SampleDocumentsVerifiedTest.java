package vn.kyso.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The signed documents of pki-samples/ give the verdicts their manifest promises, verified as a
 * relying party would on the day they were made: trusting only the sample root, with the sample
 * CRL as the only revocation data.
 */
class SampleDocumentsVerifiedTest {

    private static final Path SAMPLES = SampleTrust.SAMPLES;

    @TestFactory
    Stream<DynamicTest> everySampleDocument() throws Exception {
        Verifier verifier = SampleTrust.verifier();
        TrustContext trust = SampleTrust.trust();
        Path documents = SAMPLES.resolve("documents");
        return Corpus.tsv(documents.resolve("manifest.tsv")).stream().map(row -> DynamicTest.dynamicTest(
                row.get("file") + (row.get("content").isEmpty() ? "" : " + " + row.get("content")),
                () -> check(verifier, trust, documents, row)));
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
