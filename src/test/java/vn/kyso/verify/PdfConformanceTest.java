package vn.kyso.verify;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of the signed-PDF corpus (EU DSS test files: byte-range tricks, changes after
 * signing, shadow and spoofing attacks, malformed CMS, a parser loop), under Kyso's default
 * policy, trusting only the row's anchor and validating at the row's signing time (some of the
 * test PKIs have expired since).
 */
@vn.kyso.support.RequiresConformance
class PdfConformanceTest {

    /** Rows whose expected verdict Kyso does not give, with the reason. */
    static final Map<String, String> KNOWN_MISSES = Map.of(
            "dss_pades_infinite_loop.pdf",
            "expected INDETERMINATE (EU DSS finds no signature in this cyclic file), Kyso answers TOTAL_FAILED/FORMAT_FAILURE:"
                    + " it reads the file quickly, finds the signature dictionary, and its /ByteRange points beyond the"
                    + " end of the file, which is a format failure of that signature");

    private static final DateTimeFormatter PDFSIG = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ENGLISH);
    private static final AtomicInteger asExpected = new AtomicInteger();
    private static final List<String> misses = new ArrayList<>();
    private static final List<String> results = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyManifestRow() {
        Path dir = Corpus.dir("pdf");
        Verifier verifier = Corpus.verifier();
        return Corpus.tsv(dir.resolve("manifest.tsv")).stream()
                .map(row -> DynamicTest.dynamicTest(row.get("file"), () -> check(dir, verifier, row)));
    }

    private void check(Path dir, Verifier verifier, Map<String, String> row) {
        String file = row.get("file");
        String anchor = row.get("trust_anchor_in_trust_dir");
        String anchorFile = anchor.startsWith("trust/") ? anchor.substring(0, anchor.indexOf(' ') < 0 ? anchor.length()
                : anchor.indexOf(' ')) : "";
        long started = System.nanoTime();
        VerificationReport r = verifier.verify(Corpus.read(dir.resolve(file)), null, signingTime(row),
                Corpus.trusting(dir, anchorFile, ""), ValidationPolicy.defaults());
        long millis = (System.nanoTime() - started) / 1_000_000;
        Indication expected = switch (row.get("expected_verdict")) {
            case "valid" -> Indication.TOTAL_PASSED;
            case "invalid" -> Indication.TOTAL_FAILED;
            default -> Indication.INDETERMINATE;
        };
        String line = file + ": expected " + expected + ", got " + Corpus.describe(r) + " in " + millis + " ms";
        results.add(line);
        assertTrue(millis < 20_000, "took too long: " + line);
        if (!"valid".equals(row.get("expected_verdict"))) {
            assertNotEquals(Indication.TOTAL_PASSED, r.indication(), line);
        }
        if (KNOWN_MISSES.containsKey(file)) {
            misses.add(line + " [known: " + KNOWN_MISSES.get(file) + "]");
            assertTrue(r.indication() != expected, "a known miss now passes, remove it from KNOWN_MISSES: " + line);
            return;
        }
        assertTrue(r.indication() == expected, line);
        asExpected.incrementAndGet();
    }

    /** The first signing time pdfsig printed, or null (validate now) when there is none. */
    private static Instant signingTime(Map<String, String> row) {
        String text = row.get("signing_time_pdfsig");
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.split(";")[0].trim();
        if (first.startsWith("Jan 01 1970")) {
            return null;
        }
        return LocalDateTime.parse(first, PDFSIG).toInstant(ZoneOffset.UTC);
    }

    @AfterAll
    static void counts() {
        System.out.println("PDF corpus: " + asExpected.get() + " rows as expected, " + misses.size() + " known misses");
        results.forEach(m -> System.out.println("  " + m));
        misses.forEach(m -> System.out.println("  " + m));
    }
}
