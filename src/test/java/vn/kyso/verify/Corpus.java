package vn.kyso.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.kyso.ca.Pki;
import vn.kyso.support.OptionalPieces;
import vn.kyso.verify.path.PathValidator;
import vn.kyso.verify.path.RevocationRegistry;
import vn.kyso.verify.pdf.PdfLimits;

/** The third-party corpora under KYSO_CONFORMANCE_DIR, read in place, and a verifier for them. */
final class Corpus {

    private Corpus() {
    }

    /** A corpus folder; the tests using it carry @RequiresConformance. */
    static Path dir(String name) {
        return OptionalPieces.requireConformanceDir().resolve(name);
    }

    /** Rows of a tab-separated manifest with a header line, as column → value. */
    static List<Map<String, String>> tsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trust in exactly the listed PEM files (separated by "|"), nothing else. */
    static TrustContext trusting(Path dir, String anchorFiles, String extraCertFile) {
        Set<TrustAnchor> anchors = Arrays.stream(anchorFiles.split("\\|")).filter(s -> !s.isBlank())
                .flatMap(f -> Pki.certificates(read(dir.resolve(f.trim()))).stream())
                .map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        var extra = extraCertFile == null || extraCertFile.isBlank() ? List.<java.security.cert.X509Certificate>of()
                : Pki.certificates(read(dir.resolve(extraCertFile)));
        TrustContext.KnownCertificates known = (issuer, serial) -> extra.stream()
                .filter(c -> c.getSerialNumber().equals(serial)).toList();
        return new TrustContext(anchors, List.of(), List.of(), known, RevocationRegistry.NONE);
    }

    static Verifier verifier() {
        return new Verifier(new PathValidator(RevocationRegistry.NONE), PdfLimits.defaults(), Clock.systemUTC());
    }

    static String describe(VerificationReport r) {
        return r.indication() + (r.subIndication() == null ? "" : "/" + r.subIndication()) + " — "
                + r.summary().en();
    }
}
