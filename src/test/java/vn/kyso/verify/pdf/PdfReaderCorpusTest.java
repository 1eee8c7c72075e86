package vn.kyso.verify.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.kyso.support.OptionalPieces;
import vn.kyso.verify.pdf.PdfChange.Kind;
import vn.kyso.verify.pdf.PdfSignature.ByteRangeProblem;

/**
 * The EU DSS PDF samples of the shared conformance corpus, read in place from
 * $KYSO_CONFORMANCE_DIR/pdf: the facts each sample is about, and no failure other than
 * PdfFormatException, in time, for the samples and for truncated and damaged copies of them.
 */
@ExtendWith(PdfReaderCorpusTest.CorpusPresent.class)
class PdfReaderCorpusTest {

    /** Skips visibly, with the reason, where the corpus is not configured (unless it is required, as in CI). */
    static final class CorpusPresent implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String root = System.getenv("KYSO_CONFORMANCE_DIR");
            if ((root != null && !root.isBlank()) || OptionalPieces.required()) {
                return ConditionEvaluationResult.enabled("corpus configured, or required");
            }
            return ConditionEvaluationResult.disabled(
                    "SKIPPED: set KYSO_CONFORMANCE_DIR to the shared conformance corpus (its pdf/ directory is read in place)");
        }
    }

    private static final PdfLimits LIMITS = new PdfLimits(200_000, 500, 100, Duration.ofSeconds(10));
    /** "Well inside the limit": a sample that needs more than this is a performance bug. */
    private static final long MAX_MILLIS = 3_000;

    private static Path dir;
    private static final Map<String, byte[]> files = new LinkedHashMap<>();

    @BeforeAll
    static void corpus() throws IOException {
        String root = System.getenv("KYSO_CONFORMANCE_DIR");
        if (root == null || root.isBlank()) {
            fail("KYSO_CONFORMANCE_DIR is not set, and KYSO_REQUIRE_OPTIONAL requires the corpus");
        }
        dir = Path.of(root, "pdf");
        List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String name = line.split("\t", 2)[0];
            if (!name.isBlank()) {
                files.put(name, Files.readAllBytes(dir.resolve(name)));
            }
        }
        try (var listing = Files.list(dir)) {
            assertEquals(listing.filter(p -> p.toString().endsWith(".pdf")).count(), files.size(),
                    "every sample in the directory is in the manifest");
        }
    }

    private static PdfFacts facts(String name) throws PdfFormatException {
        return timed(files.get(name));
    }

    private static PdfFacts timed(byte[] pdf) throws PdfFormatException {
        long start = System.nanoTime();
        try {
            return PdfReader.read(pdf, LIMITS);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < MAX_MILLIS, "took " + millis + " ms");
        }
    }

    private static Set<Kind> kinds(PdfSignature s) {
        return s.laterChanges().stream().map(PdfChange::kind).collect(Collectors.toSet());
    }

    private static PdfSignature only(String name) throws PdfFormatException {
        PdfFacts facts = facts(name);
        assertEquals(1, facts.signatures().size(), name);
        return facts.signatures().get(0);
    }

    @Test
    void everySampleGivesFactsOrAFormatError() {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            try {
                PdfFacts facts = timed(e.getValue());
                assertTrue(facts.revisionCount() >= 1, e.getKey());
            } catch (PdfFormatException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }

    @Test
    void untouchedSignaturesHaveNoLaterChanges() throws Exception {
        for (String name : List.of("dss_pdf-signed-original.pdf", "dss_pades-bes.pdf")) {
            PdfSignature s = only(name);
            assertNull(s.byteRangeProblem(), name);
            assertTrue(s.coversWholeDocument(), name);
            assertTrue(s.laterChanges().isEmpty(), name + ": " + s.laterChanges());
            assertTrue(s.contentsPaddingClean(), name);
        }
    }

    @Test
    void brokenByteRanges() throws Exception {
        assertEquals(ByteRangeProblem.BEYOND_FILE, only("dss_pdf-signed-out-of-byteRange.pdf").byteRangeProblem());
        assertEquals(ByteRangeProblem.BEYOND_FILE, only("dss_pdf-signed-corrupted.pdf").byteRangeProblem());
        assertEquals(ByteRangeProblem.BEYOND_FILE, only("dss_pdf-eof.pdf").byteRangeProblem());
        // the wrapping attack: the gap holds other bytes than the /Contents the dictionary names
        assertEquals(ByteRangeProblem.GAP_IS_NOT_CONTENTS, only("dss_siwa.pdf").byteRangeProblem());
        List<PdfSignature> overlap = facts("dss_pdf-byterange-overlap.pdf").signatures();
        assertEquals(2, overlap.size());
        assertNull(overlap.get(0).byteRangeProblem());
        assertEquals(ByteRangeProblem.GAP_IS_NOT_CONTENTS, overlap.get(1).byteRangeProblem());
    }

    @Test
    void pagesAddedAndRemoved() throws Exception {
        PdfSignature added = only("dss_pdf-signed-added-page.pdf");
        assertNull(added.byteRangeProblem());
        assertTrue(kinds(added).contains(Kind.PAGE_ADDED), added.laterChanges().toString());
        assertEquals(2, facts("dss_pdf-signed-added-page.pdf").pageCount());
        PdfSignature removed = only("dss_pdf-removed-pages.pdf");
        assertTrue(kinds(removed).contains(Kind.PAGE_REMOVED), removed.laterChanges().toString());
    }

    @Test
    void signatureDictionarySpoofing() throws Exception {
        PdfSignature replaced = only("dss_pades-spoofing-replaced-reason.pdf");
        assertTrue(replaced.laterChanges().contains(
                new PdfChange(Kind.SIGNATURE_DICTIONARY, 3, "object 42 0 R: /Reason changed")), replaced.laterChanges().toString());
        PdfSignature spoofed = only("dss_pdf-spoofing-attack.pdf");
        assertTrue(kinds(spoofed).contains(Kind.SIGNATURE_DICTIONARY), spoofed.laterChanges().toString());
        assertTrue(kinds(spoofed).contains(Kind.OTHER) || kinds(spoofed).contains(Kind.CONTENT));
        assertFalse(kinds(spoofed).contains(Kind.SIGNATURE), "a copied signature is no new signature");
    }

    @Test
    void shadowAttacksChangeContent() throws Exception {
        for (String name : List.of("dss_dss-2236-hide.pdf", "dss_dss-2236-replace.pdf")) {
            PdfSignature s = only(name);
            assertNull(s.byteRangeProblem(), name);
            assertTrue(kinds(s).contains(Kind.CONTENT) || kinds(s).contains(Kind.OTHER), name + ": " + s.laterChanges());
        }
    }

    @Test
    void laterSignaturesAndTimestamps() throws Exception {
        for (String name : List.of("dss_pdf-byterange-overlap.pdf", "dss_hello_signed_INCSAVE_signed_EDITED.pdf")) {
            PdfSignature first = facts(name).signatures().get(0);
            assertTrue(kinds(first).contains(Kind.SIGNATURE), name + ": " + first.laterChanges());
            assertFalse(kinds(first).contains(Kind.OTHER), name + ": " + first.laterChanges());
        }
        List<PdfSignature> both = facts("dss_timestamped_and_signed.pdf").signatures();
        assertEquals(2, both.size());
        PdfSignature timestamp = both.get(0);
        assertTrue(timestamp.documentTimestamp());
        assertEquals("ETSI.RFC3161", timestamp.subFilter());
        assertEquals(Set.of(Kind.SIGNATURE, Kind.METADATA), kinds(timestamp), timestamp.laterChanges().toString());
        assertFalse(both.get(1).documentTimestamp());
        assertTrue(both.get(1).coversWholeDocument());
    }

    @Test
    void cyclicReferencesEndQuickly() {
        try {
            PdfFacts facts = facts("dss_pades_infinite_loop.pdf");
            assertTrue(facts.signatures().stream().noneMatch(s -> s.byteRangeProblem() == null));
        } catch (PdfFormatException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Test
    void truncatedAndDamagedCopies() {
        Random random = new Random(20260101);
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] pdf = e.getValue();
            List<byte[]> variants = new ArrayList<>();
            for (int cut : new int[] {pdf.length / 3, pdf.length / 2, pdf.length - 7}) {
                variants.add(java.util.Arrays.copyOf(pdf, cut));
            }
            for (int i = 0; i < 3; i++) {
                byte[] damaged = pdf.clone();
                for (int j = 0; j < 8; j++) {
                    damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
                }
                variants.add(damaged);
            }
            for (byte[] variant : variants) {
                try {
                    timed(variant);
                } catch (PdfFormatException expected) {
                    // a plain refusal is a correct answer to a broken file
                } catch (RuntimeException | AssertionError | StackOverflowError failure) {
                    unexpected.add(e.getKey() + ": " + failure);
                }
            }
        }
        assertTrue(unexpected.isEmpty(), String.join("\n", unexpected));
    }

    @Test
    void noReaderThreadOutlivesItsCall() throws Exception {
        everySampleGivesFactsOrAFormatError();
        Thread.sleep(200);
        long alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kyso-pdf-reader")).count();
        assertEquals(0, alive);
    }
}
