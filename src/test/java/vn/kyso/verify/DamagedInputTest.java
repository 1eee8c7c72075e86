package vn.kyso.verify;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vn.kyso.support.OptionalPieces;

/**
 * Truncated and bit-flipped copies of every sample document (and of the corpora, when present):
 * the verifier answers each with a report, never an exception, within its time bound, and a
 * changed copy of a valid signed document never comes out valid.
 */
class DamagedInputTest {

    private static final Path SAMPLES = SampleTrust.SAMPLES;

    @TestFactory
    Stream<DynamicTest> damagedCopies() throws Exception {
        Verifier verifier = SampleTrust.verifier();
        TrustContext trust = SampleTrust.trust();
        List<Path> files = new ArrayList<>();
        for (var row : Corpus.tsv(SAMPLES.resolve("documents/manifest.tsv"))) {
            if (row.get("content").isEmpty() && "TOTAL_PASSED".equals(row.get("expected_indication"))) {
                files.add(SAMPLES.resolve("documents").resolve(row.get("file")));
            }
        }
        int passing = files.size();
        Path corpora = OptionalPieces.conformanceDir();
        if (corpora != null) {
            try (Stream<Path> pdfs = Files.list(corpora.resolve("pdf"))) {
                pdfs.filter(p -> p.toString().endsWith(".pdf")).sorted().forEach(files::add);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean wasValid = i < passing;
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(),
                    () -> damage(verifier, trust, Corpus.read(file), wasValid)));
        }
        return tests.stream();
    }

    private static void damage(Verifier verifier, TrustContext trust, byte[] original, boolean wasValid) {
        List<byte[]> copies = new ArrayList<>();
        for (double cut : new double[] {0.1, 0.5, 0.9, 0.999}) {
            copies.add(java.util.Arrays.copyOf(original, (int) (original.length * cut)));
        }
        int step = Math.max(1, original.length / 40);
        for (int at = 7; at < original.length; at += step) {
            byte[] flipped = original.clone();
            flipped[at] ^= 0x10;
            copies.add(flipped);
        }
        for (byte[] copy : copies) {
            VerificationReport r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> verifier.verify(copy, null, null, trust, ValidationPolicy.defaults()));
            if (wasValid) {
                assertNotEquals(Indication.TOTAL_PASSED, r.indication(), "a damaged copy passed: " + Corpus.describe(r));
            }
        }
    }
}
