package vn.kyso.verify.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.ca.Pki;
import vn.kyso.support.OptionalPieces;
import vn.kyso.support.RequiresConformance;

/**
 * The plain RFC 5280 cases of x509-limbo, read in place from KYSO_CONFORMANCE_DIR. Kyso checks
 * signatures, not TLS peers, so a case whose verdict rests on the peer name alone is a known miss;
 * extended key usage and chain depth are checked here, around the validator, as a caller would.
 */
@RequiresConformance
class LimboConformanceTest {

    private static final String PEER_NAME = "the verdict rests on matching the peer's DNS name or IP address, "
            + "which is TLS, outside Kyso's purpose (document signatures)";

    private static final String ANCHOR = "the constraint sits in the trust anchor's own certificate; RFC 5280 6.1 "
            + "takes an anchor as a name and a key only (anchor constraints are optional, RFC 5937), as Bouncy Castle does";
    private static final String PROFILE = "a rule for conforming CAs (RFC 5280 section 4) that path validation "
            + "(section 6.1) does not check; Kyso accepts such certificates, as PKITS requires (4.4.14 negative serial)";
    private static final String WILDCARD = "a wildcard DNS name against a name constraint is RFC 9525 (TLS) semantics, "
            + "and rests on the peer name; outside Kyso's purpose";

    /** Case id → why Kyso does not give limbo's answer. */
    static final Map<String, String> KNOWN_MISSES = Map.ofEntries(
            Map.entry("rfc5280::nc::permitted-dns-mismatch", ANCHOR),
            Map.entry("rfc5280::nc::excluded-dns-match-second", ANCHOR),
            Map.entry("rfc5280::nc::permitted-ip-mismatch", ANCHOR),
            Map.entry("rfc5280::nc::excluded-ipv4-match", ANCHOR),
            Map.entry("rfc5280::nc::excluded-ipv6-match", ANCHOR),
            Map.entry("rfc5280::nc::permitted-dn-mismatch", ANCHOR),
            Map.entry("rfc5280::nc::excluded-dn-match", ANCHOR),
            Map.entry("rfc5280::nc::permitted-dn-match-subject-san-mismatch", ANCHOR),
            Map.entry("rfc5280::nc::excluded-dn-match-sub-mismatch", ANCHOR),
            Map.entry("rfc5280::nc::excluded-self-issued-leaf", ANCHOR),
            Map.entry("rfc5280::nc::excluded-match-permitted-and-excluded", ANCHOR),
            Map.entry("rfc5280::nc::invalid-dnsname-wildcard", ANCHOR),
            Map.entry("rfc5280::nc::invalid-dnsname-leading-period", ANCHOR),
            Map.entry("rfc5280::nc::invalid-ipv4-address", ANCHOR),
            Map.entry("rfc5280::nc::invalid-ipv6-address", ANCHOR),
            Map.entry("rfc5280::nc::invalid-email-address", ANCHOR),
            Map.entry("rfc5280::nc::intermediate-with-san-rejected-by-root-nc", ANCHOR),
            Map.entry("rfc5280::unknown-critical-extension-root", ANCHOR),
            Map.entry("rfc5280::root-missing-basic-constraints", ANCHOR),
            Map.entry("rfc5280::root-non-critical-basic-constraints", ANCHOR),
            Map.entry("rfc5280::root-inconsistent-ca-extensions", ANCHOR),
            Map.entry("rfc5280::ski::root-missing-ski", ANCHOR),
            Map.entry("pathological::nc-dos-1", ANCHOR + "; besides, limbo expects a work limit (DoS) here"),
            Map.entry("pathological::nc-dos-2", ANCHOR + "; besides, limbo expects a work limit (DoS) here"),
            Map.entry("pathological::nc-dos-3", ANCHOR + "; besides, limbo expects a work limit (DoS) here"),
            Map.entry("rfc5280::aki::critical-aki", PROFILE),
            Map.entry("rfc5280::aki::leaf-missing-aki", PROFILE),
            Map.entry("rfc5280::aki::intermediate-missing-aki", PROFILE),
            Map.entry("rfc5280::aki::cross-signed-root-missing-aki", PROFILE),
            Map.entry("rfc5280::eku::ee-eku-empty", PROFILE),
            Map.entry("rfc5280::nc::not-allowed-in-ee-noncritical", PROFILE),
            Map.entry("rfc5280::nc::not-allowed-in-ee-critical", PROFILE),
            Map.entry("rfc5280::pc::ica-noncritical-pc", PROFILE),
            Map.entry("rfc5280::san::noncritical-with-empty-subject", PROFILE),
            Map.entry("rfc5280::serial::too-long", PROFILE),
            Map.entry("rfc5280::serial::zero", PROFILE),
            Map.entry("rfc5280::serial::negative", PROFILE),
            Map.entry("rfc5280::ski::intermediate-missing-ski", PROFILE),
            Map.entry("rfc5280::ca-empty-subject", PROFILE),
            Map.entry("rfc5280::leaf-ku-keycertsign", PROFILE),
            Map.entry("rfc5280::san::underscore-dns", PEER_NAME),
            Map.entry("rfc5280::san::ip-in-dns", PEER_NAME),
            Map.entry("rfc5280::ca-as-leaf-wrong-san", PEER_NAME),
            Map.entry("cve::cve-2025-61727", WILDCARD),
            Map.entry("rfc5280::nc::nc-forbids-dnsname-wildcard-san", WILDCARD));

    private static final Map<String, String> PURPOSES = Map.of(
            "serverAuth", "1.3.6.1.5.5.7.3.1", "clientAuth", "1.3.6.1.5.5.7.3.2", "codeSigning", "1.3.6.1.5.5.7.3.3",
            "emailProtection", "1.3.6.1.5.5.7.3.4", "timeStamping", "1.3.6.1.5.5.7.3.8", "OCSPSigning", "1.3.6.1.5.5.7.3.9");

    @TestFactory
    Stream<DynamicTest> rfc5280Subset() throws Exception {
        Path file = OptionalPieces.requireConformanceDir().resolve("limbo/limbo-rfc5280-subset.json");
        JsonNode cases = JsonMapper.builder().build().readTree(file.toFile()).path("testcases");
        PathValidator validator = new PathValidator(RevocationRegistry.NONE);
        Tally tally = new Tally("x509-limbo RFC 5280 subset", cases.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String id = c.path("id").asString();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                boolean expected = "SUCCESS".equals(c.path("expected_result").asString());
                String outcome = run(validator, c);
                boolean valid = outcome.equals("VALID");
                String miss = KNOWN_MISSES.get(id);
                if (miss == null) {
                    assertEquals(expected, valid, outcome);
                    tally.passed();
                } else {
                    assertNotEquals(expected, valid, "known miss now gives limbo's answer; remove it: " + miss);
                    tally.knownMiss(id);
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            System.out.println(tally.summary());
            assertEquals(cases.size(), tally.accounted(), tally.summary());
        }));
        return tests.stream();
    }

    /** "VALID", or what made it fail. */
    private static String run(PathValidator validator, JsonNode c) throws Exception {
        try {
            return validate(validator, c);
        } catch (IllegalArgumentException e) {
            // Kyso cannot even read such a certificate, so nothing signed with it can be valid
            return "unreadable: " + e.getMessage();
        }
    }

    private static String validate(PathValidator validator, JsonNode c) throws Exception {
        X509Certificate leaf = certificates(c.path("peer_certificate")).get(0);
        Set<TrustAnchor> anchors = certificates(c.path("trusted_certs")).stream()
                .map(t -> new TrustAnchor(t, null)).collect(Collectors.toSet());
        List<X509CRL> crls = crls(c.path("crls"));
        JsonNode time = c.path("validation_time");
        Instant at = time.isNull() || time.isMissingNode() ? Instant.now() : OffsetDateTime.parse(time.asString()).toInstant();
        PathInput input = new PathInput(leaf, certificates(c.path("untrusted_intermediates")), anchors, crls, List.of(), at,
                new PathOptions(Set.of(), false, false, false, !crls.isEmpty(), PathOptions.Usage.ANY));
        PathResult result = validator.validate(input);
        if (!result.valid()) {
            return result.outcome() + "/" + result.subIndication() + ": " + result.explanation().en();
        }
        JsonNode depth = c.path("max_chain_depth");
        if (!depth.isNull() && !depth.isMissingNode() && intermediates(result.chain()) > depth.asInt()) {
            return "chain deeper than " + depth.asInt();
        }
        for (JsonNode purpose : c.path("extended_key_usage")) {
            List<String> ekus = leaf.getExtendedKeyUsage();
            if (ekus != null && !ekus.contains(PURPOSES.get(purpose.asString()))) {
                return "extended key usage lacks " + purpose.asString();
            }
        }
        return "VALID";
    }

    /** CAs between the leaf and the anchor; self-issued ones are the same logical CA (RFC 5280 6.1). */
    private static int intermediates(List<X509Certificate> chain) {
        int count = 0;
        for (int i = 1; i < chain.size() - 1; i++) {
            X509Certificate c = chain.get(i);
            if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                count++;
            }
        }
        return count;
    }

    private static List<X509Certificate> certificates(JsonNode pems) {
        List<X509Certificate> out = new ArrayList<>();
        if (pems.isArray()) {
            for (JsonNode pem : pems) {
                out.addAll(Pki.certificates(pem.asString().getBytes(StandardCharsets.US_ASCII)));
            }
        } else if (pems.isString()) {
            out.addAll(Pki.certificates(pems.asString().getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    private static List<X509CRL> crls(JsonNode pems) throws Exception {
        List<X509CRL> out = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509", Pki.BC);
        for (JsonNode pem : pems) {
            out.add((X509CRL) factory.generateCRL(new ByteArrayInputStream(pem.asString().getBytes(StandardCharsets.US_ASCII))));
        }
        return out;
    }
}
