package vn.kyso.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            for (var row : Corpus.tsv(corpora.resolve("cms/manifest.tsv"))) {
                files.add(corpora.resolve("cms").resolve(row.get("file")));
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
        VerificationReport reference = verifier.verify(original, null, null, trust, ValidationPolicy.defaults());
        java.util.Map<String, byte[]> copies = new java.util.LinkedHashMap<>();
        for (double cut : new double[] {0.1, 0.5, 0.9, 0.999}) {
            int length = (int) (original.length * cut);
            copies.put("cut at " + length, java.util.Arrays.copyOf(original, length));
        }
        int step = Math.max(1, original.length / 40);
        for (int at = 7; at < original.length; at += step) {
            byte[] flipped = original.clone();
            flipped[at] ^= 0x10;
            copies.put("byte " + at + " flipped", flipped);
        }
        copies.forEach((what, copy) -> {
            VerificationReport r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> verifier.verify(copy, null, null, trust, ValidationPolicy.defaults()), what);
            // A damaged copy may still pass only if the damage spared what was signed and who signed it,
            // e.g. a byte of a spare CA certificate the signature carries but the path does not use.
            if (wasValid && r.indication() == Indication.TOTAL_PASSED) {
                assertEquals(signed(original), signed(copy), what + " changed what was signed, yet passed");
                assertEquals(signers(reference), signers(r), what + " changed the signer, yet passed");
            }
        });
    }

    /** What the signatures of a file cover: the PDF byte ranges, or the CMS encapsulated content. */
    private static List<String> signed(byte[] file) {
        try {
            if (DocumentFormat.isPdf(file)) {
                return vn.kyso.verify.pdf.PdfReader.read(file, vn.kyso.verify.pdf.PdfLimits.defaults()).signatures()
                        .stream().map(s -> s.signedBytes() == null ? "-" : vn.kyso.ca.Pki.sha256Hex(s.signedBytes()))
                        .toList();
            }
            var data = CmsReader.parse(DocumentFormat.cmsDer(file), null);
            return List.of(vn.kyso.ca.Pki.sha256Hex(CmsReader.signedContent(data, null)));
        } catch (Exception e) {
            return List.of("unreadable");
        }
    }

    private static List<String> signers(VerificationReport r) {
        return r.signatures().stream().map(s -> s.signer() == null ? "-" : s.signer().certificateSha256()).toList();
    }
}
