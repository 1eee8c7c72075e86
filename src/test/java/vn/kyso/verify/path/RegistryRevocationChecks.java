package vn.kyso.verify.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.kyso.ca.BuiltInCa;
import vn.kyso.ca.Pki;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;
import vn.kyso.verify.SubIndication;

/** What Kyso's own records say about the certificates its CA issued, before and after a revocation. */
public interface RegistryRevocationChecks extends KysoApi {

    RegistryRevocation registry();

    BuiltInCa builtIn();

    @Test
    default void answersFromTheCertificateTableAndValidationFollows() {
        String agency = newAgency("Sở Tư pháp");
        Person person = newIndividual(agency, "Nguyễn Văn An");
        var issued = admin().post("/api/v1/certificates",
                Map.of("subscriberId", person.id(), "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String serial = issued.text("serialNumber");
        X509Certificate certificate = Pki.certificates(
                admin().getBytes("/api/v1/certificates/" + serial, "application/pkix-cert").body()).get(0);
        X509Certificate issuer = builtIn().issuingCertificate();

        CertStatus good = registry().status(certificate, issuer).orElseThrow();
        assertThat(good.state()).isEqualTo(CertStatus.State.GOOD);
        assertThat(good.source()).isEqualTo(CertStatus.Source.REGISTRY);

        PathValidator validator = new PathValidator(registry());
        Instant beforeRevocation = Instant.now();
        PathResult valid = validator.validate(input(certificate, beforeRevocation));
        assertThat(valid.valid()).as(valid.explanation().en()).isTrue();
        assertThat(valid.chain()).hasSize(3);

        var revoked = admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("case", "TOKEN_LOST"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        CertStatus status = registry().status(certificate, issuer).orElseThrow();
        assertThat(status.state()).isEqualTo(CertStatus.State.REVOKED);
        assertThat(status.reason()).isEqualTo("keyCompromise");
        assertThat(status.revokedAt()).isBetween(beforeRevocation.minusSeconds(1), Instant.now());

        PathResult now = validator.validate(input(certificate, Instant.now().plusSeconds(1)));
        assertThat(now.outcome()).isEqualTo(PathResult.Outcome.INVALID);
        assertThat(now.subIndication()).isEqualTo(SubIndication.REVOKED);
        assertThat(now.explanation().vi()).contains("Nguyễn Văn An", "đã bị thu hồi", "keyCompromise");

        PathResult earlier = validator.validate(input(certificate, beforeRevocation.minusSeconds(1)));
        assertThat(earlier.valid()).as(earlier.explanation().en()).isTrue();
        assertThat(earlier.statuses().get(0).revokedAfterValidationTime()).isTrue();
    }

    @Test
    default void staysSilentForCasItDoesNotKnow() {
        var outside = new TestPki.OutsideCa("registry");
        X509Certificate certificate = outside.issue("Trần Thị Bình", "binh@lamdong.gov.vn",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(registry().status(certificate, outside.ca)).isEmpty();
    }

    @Test
    default void anImportedCrlVouchesForUnlistedCertificatesOnlyUntilItsNextUpdate() throws Exception {
        var outside = new TestPki.OutsideCa(unique("stale"));
        X509Certificate listed = outside.issue("Lê Văn Cường", "cuong@lamdong.gov.vn",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        X509Certificate unlisted = outside.issue("Phạm Thị Dung", "dung@lamdong.gov.vn",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        var anchor = admin().post("/api/v1/trust-anchors", java.util.Map.of("name", unique("CA "),
                "pem", vn.kyso.ca.Pki.pem("CERTIFICATE", outside.ca.getEncoded())));
        assertThat(anchor.status()).as(anchor.toString()).isEqualTo(201);
        var crl = admin().postBytes("/api/v1/crls", "application/pkix-crl",
                outside.crl(List.of(listed.getSerialNumber())).getEncoded());
        assertThat(crl.status()).as(crl.toString()).isBetween(200, 201);
        assertThat(registry().status(unlisted, outside.ca)).map(CertStatus::state).contains(CertStatus.State.GOOD);

        jdbc().sql("UPDATE ca SET crl_next_update = crl_this_update WHERE key_hash = :hash")
                .param("hash", vn.kyso.ca.Pki.keyHash(outside.ca.getPublicKey())).update();
        assertThat(registry().status(unlisted, outside.ca)).as("a stale CRL says nothing of the unlisted").isEmpty();
        assertThat(registry().status(listed, outside.ca)).map(CertStatus::state).contains(CertStatus.State.REVOKED);
    }

    private PathInput input(X509Certificate certificate, Instant at) {
        return new PathInput(certificate, List.of(builtIn().issuingCertificate()),
                Set.of(new TrustAnchor(builtIn().rootCertificate(), null)), List.of(), List.of(), at, PathOptions.signer());
    }
}
