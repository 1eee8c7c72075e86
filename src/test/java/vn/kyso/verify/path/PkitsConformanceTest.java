package vn.kyso.verify.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import vn.kyso.ca.Pki;
import vn.kyso.support.OptionalPieces;
import vn.kyso.support.RequiresConformance;

/**
 * NIST PKITS, both editions, every row of pkits/tests.tsv, read in place from KYSO_CONFORMANCE_DIR.
 * Revocation comes only from the row's CRLs. A row in KNOWN_MISSES must still give the wrong
 * answer, so that fixing it is noticed and the entry removed.
 */
@RequiresConformance
class PkitsConformanceTest {

    /** Test id → why it does not give the PKITS answer. */
    static final Map<String, String> KNOWN_MISSES = Map.of();

    private static final String POLICY_PREFIX = "2.16.840.1.101.3.2.1.48.";

    @TestFactory
    Stream<DynamicTest> edition2001() throws IOException {
        return edition("PKITS 2001", "pkits", Instant.parse("2010-02-01T00:00:00Z"));
    }

    @TestFactory
    Stream<DynamicTest> edition101() throws IOException {
        return edition("PKITS 1.0.1", "pkits/v1.0.1", Instant.parse("2011-04-15T00:00:00Z"));
    }

    private record Row(String id, String name, String ee, List<String> intermediates, List<String> crls, String anchor,
            Set<String> policies, boolean explicit, boolean mappingInhibited, boolean anyPolicyInhibited,
            boolean valid) {
    }

    private Stream<DynamicTest> edition(String label, String folder, Instant at) throws IOException {
        Path root = OptionalPieces.requireConformanceDir().resolve("pkits");
        Path files = OptionalPieces.requireConformanceDir().resolve(folder);
        List<Row> rows = rows(root.resolve("tests.tsv"));
        PathValidator validator = new PathValidator(RevocationRegistry.NONE);
        Map<String, Object> cache = new HashMap<>();
        Tally tally = new Tally(label, rows.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            tests.add(DynamicTest.dynamicTest(row.id() + " " + row.name(), () -> {
                PathInput input = new PathInput(cert(cache, files, row.ee()),
                        row.intermediates().stream().map(f -> cert(cache, files, f)).toList(),
                        Set.of(new TrustAnchor(cert(cache, files, row.anchor()), null)),
                        row.crls().stream().map(f -> crl(cache, files, f)).toList(), List.of(), at,
                        new PathOptions(row.policies(), row.explicit(), row.mappingInhibited(), row.anyPolicyInhibited(),
                                true, PathOptions.Usage.ANY));
                PathResult result = validator.validate(input);
                String why = result.outcome() + "/" + result.subIndication() + ": " + result.explanation().en();
                String miss = KNOWN_MISSES.get(row.id());
                if (miss == null) {
                    assertEquals(row.valid(), result.valid(), why);
                    tally.passed();
                } else {
                    assertNotEquals(row.valid(), result.valid(),
                            "known miss now gives the PKITS answer; remove it from KNOWN_MISSES: " + miss);
                    tally.knownMiss(row.id());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            System.out.println(tally.summary());
            assertEquals(rows.size(), tally.accounted(), tally.summary());
        }));
        return tests.stream();
    }

    private static List<Row> rows(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], f[1], f[2], list(f[3]), list(f[4]), f[5], policies(f[6]),
                    Boolean.parseBoolean(f[7]), Boolean.parseBoolean(f[8]), Boolean.parseBoolean(f[9]),
                    "valid".equals(f[10])));
        }
        return rows;
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(",")).map(String::strip).toList();
    }

    /** anyPolicy is the empty set to PKIXParameters; NIST-test-policy-N is 2.16.840.1.101.3.2.1.48.N. */
    private static Set<String> policies(String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : list(field)) {
            if (!name.equals("anyPolicy")) {
                out.add(POLICY_PREFIX + name.substring(name.lastIndexOf('-') + 1));
            }
        }
        return out;
    }

    private static X509Certificate cert(Map<String, Object> cache, Path dir, String file) {
        return (X509Certificate) cache.computeIfAbsent("c:" + file, k -> read(dir.resolve("certs").resolve(file), false));
    }

    private static X509CRL crl(Map<String, Object> cache, Path dir, String file) {
        return (X509CRL) cache.computeIfAbsent("r:" + file, k -> read(dir.resolve("crls").resolve(file), true));
    }

    private static Object read(Path file, boolean crl) {
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Pki.BC);
            return crl ? factory.generateCRL(in) : factory.generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
