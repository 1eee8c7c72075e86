package vn.kyso.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of the CMS corpus manifest, each asserted against its expected verdict. The corpus
 * judges technical validity, so its legacy rows (SHA-1, DSA-1024, RSA-1024 from RFC 4134) are
 * checked under a policy that accepts legacy algorithms and needs no revocation data (the corpus
 * ships none); the default policy's answer for them is checked separately.
 */
@vn.kyso.support.RequiresConformance
class CmsConformanceTest {

    /** Rows whose expected verdict Kyso does not give, on purpose, with the reason. */
    static final Map<String, String> KNOWN_MISSES = Map.of(
            "bc-java/bc1639test.p7m",
            "expected INDETERMINATE, Kyso answers TOTAL_FAILED/FORMAT_FAILURE: the contract makes a CMS that does"
                    + " not parse a format failure, and this one has a wrongly encoded OID");

    static final ValidationPolicy LEGACY = new ValidationPolicy(1024, 160, 1024, Instant.parse("2100-01-01T00:00:00Z"),
            true, false, true, false, true);

    private static final AtomicInteger asExpected = new AtomicInteger();
    private static final List<String> misses = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyManifestRow() {
        Path dir = Corpus.dir("cms");
        Verifier verifier = Corpus.verifier();
        return Corpus.tsv(dir.resolve("manifest.tsv")).stream().map(row -> DynamicTest.dynamicTest(
                row.get("file") + (row.get("detached_content_file").isEmpty() ? "" : " + " + row.get("detached_content_file")),
                () -> check(dir, verifier, row)));
    }

    private void check(Path dir, Verifier verifier, Map<String, String> row) {
        String file = row.get("file");
        byte[] signature = Corpus.read(dir.resolve(file));
        String detached = row.get("detached_content_file");
        TrustContext trust = Corpus.trusting(dir, row.get("trust_anchor_file"), row.get("extra_cert_file"));
        Instant at = row.get("trust_anchor_file").contains("pkitsta") ? Instant.parse("2010-02-01T00:00:00Z") : null;
        VerificationReport r = detached.isEmpty()
                ? verifier.verify(signature, null, at, trust, LEGACY)
                : verifier.verify(Corpus.read(dir.resolve(detached)), signature, at, trust, LEGACY);
        boolean noAnchor = row.get("trust_anchor_file").isBlank();
        boolean ok = switch (row.get("expected_verdict")) {
            case "valid" -> r.indication() == Indication.TOTAL_PASSED
                    || (noAnchor && r.indication() == Indication.INDETERMINATE
                    && r.subIndication() == SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
            // ETSI calls a signature whose chain does not reach a trusted anchor INDETERMINATE, not failed.
            case "invalid" -> r.indication() == Indication.TOTAL_FAILED
                    || (r.indication() == Indication.INDETERMINATE && (r.subIndication() == SubIndication.NO_CERTIFICATE_CHAIN_FOUND
                    || r.subIndication() == SubIndication.CHAIN_CONSTRAINTS_FAILURE) && !noAnchor);
            default -> r.indication() == Indication.INDETERMINATE;
        };
        String line = file + ": expected " + row.get("expected_verdict") + ", got " + Corpus.describe(r);
        if (KNOWN_MISSES.containsKey(file)) {
            misses.add(line + " [known: " + KNOWN_MISSES.get(file) + "]");
            assertTrue(!ok, "a known miss now passes, remove it from KNOWN_MISSES: " + line);
            return;
        }
        assertTrue(ok, line);
        // Whatever the corpus expects, a tampered copy must never pass.
        if (file.startsWith("tampered/") || row.get("what").startsWith("TAMPERED")) {
            assertNotEquals(Indication.TOTAL_PASSED, r.indication(), line);
        }
        asExpected.incrementAndGet();
    }

    @org.junit.jupiter.api.Test
    void theDefaultPolicyDoesNotAcceptLegacyAlgorithms() {
        Path dir = Corpus.dir("cms");
        VerificationReport r = Corpus.verifier().verify(Corpus.read(dir.resolve("bc-rfc4134/4.2.bin")), null, null,
                Corpus.trusting(dir, "trust/rfc4134-CarlRSASelf.pem", ""), ValidationPolicy.defaults());
        assertEquals(Indication.INDETERMINATE, r.indication(), Corpus.describe(r));
        assertEquals(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, r.subIndication(), Corpus.describe(r));
    }

    @AfterAll
    static void counts() {
        System.out.println("CMS corpus: " + asExpected.get() + " rows as expected, " + misses.size() + " known misses");
        misses.forEach(m -> System.out.println("  " + m));
    }
}
