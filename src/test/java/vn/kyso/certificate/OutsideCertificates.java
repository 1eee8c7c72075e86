package vn.kyso.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/**
 * Certificates the government CA issued: a registrar records them, Kyso checks they chain to a
 * trust anchor an administrator configured, and their revocation comes from the CA's CRLs.
 */
public interface OutsideCertificates extends KysoApi {

    private static String pem(X509Certificate... certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            out.append(Pki.pem("CERTIFICATE", Pki.encoded(c)));
        }
        return out.toString();
    }

    private Api.Response anchor(String name, String pem) {
        return admin().post("/api/v1/trust-anchors", Map.of("name", name, "pem", pem));
    }

    private Api.Response importCertificate(long subscriberId, String pem) {
        return admin().post("/api/v1/certificates/import", Map.of("subscriberId", subscriberId, "pem", pem));
    }

    private Api.Response postCrl(byte[] body, String type) {
        return admin().postBytes("/api/v1/crls", type, body);
    }

    private static byte[] der(java.security.cert.X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void trustAnchorsAreAdministered() {
        var ca = new TestPki.OutsideCa(unique("T"));
        String name = "RootCA " + unique("N");
        assertThat(newUser("REGISTRAR", null).post("/api/v1/trust-anchors", Map.of("name", name, "pem", pem(ca.root)))
                .status()).isEqualTo(403);
        var added = anchor(name, pem(ca.root));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("subjectDn")).contains("RootCA chuyên dùng thử nghiệm");
        assertThat(anchor(name + " lần hai", pem(ca.root)).status()).isEqualTo(409);
        var leaf = ca.issue("Không phải CA", "x@lamdong.gov.vn", Instant.now(), Instant.now().plusSeconds(3600));
        assertThat(anchor(unique("L"), pem(leaf)).status()).isEqualTo(422);
        assertThat(anchor(unique("G"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----").status())
                .isEqualTo(400);
        assertThat(anchor(unique("M"), pem(ca.root, ca.ca)).errorFields()).containsExactly("pem");
        var list = admin().get("/api/v1/trust-anchors");
        assertThat(list.raw().body()).contains(name).contains("\"builtIn\":true");
    }

    @Test
    default void importedCertificatesFollowTheirCasCrl() {
        var ca = new TestPki.OutsideCa(unique("V"));
        assertThat(anchor("RootCA " + unique("R"), pem(ca.root)).status()).isEqualTo(201);
        String agency = newAgency("Sở Tư pháp");
        Person an = newIndividual(agency, "Nguyễn Văn An");
        Person binh = newIndividual(agency, "Lê Thị Bình");
        Instant now = Instant.now();
        X509Certificate anCert = ca.issue("Nguyễn Văn An", an.email(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)));
        X509Certificate binhCert = ca.issue("Lê Thị Bình", binh.email(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)));

        var imported = importCertificate(an.id(), pem(anCert, ca.ca));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.text("source")).isEqualTo("IMPORTED");
        assertThat(imported.text("status")).isEqualTo("VALID");
        assertThat(imported.text("issuer")).startsWith("ca-phuc-vu-cac-co-quan-thu-nghiem-");
        String anSerial = imported.text("serialNumber");
        // the issuing CA is known now, so the leaf alone is enough
        var second = importCertificate(binh.id(), pem(binhCert));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String binhSerial = second.text("serialNumber");

        long before = count("certificate");
        assertThat(importCertificate(an.id(), pem(anCert)).status()).isEqualTo(409);
        var mismatch = importCertificate(binh.id(), pem(ca.issue("Người Khác", "khac@lamdong.gov.vn", now, now.plusSeconds(86400))));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.errorFields()).containsExactly("subscriberId");
        var stranger = new TestPki.OutsideCa(unique("S"));
        var untrusted = importCertificate(an.id(), pem(stranger.issue("Nguyễn Văn An", an.email(), now, now.plusSeconds(86400)), stranger.ca));
        assertThat(untrusted.status()).isEqualTo(422);
        assertThat(untrusted.errorFields()).containsExactly("pem");
        assertThat(importCertificate(an.id(), "garbage").status()).isEqualTo(400);
        assertThat(importCertificate(an.id(), pem(ca.ca)).status()).isEqualTo(400);
        assertThat(count("certificate")).isEqualTo(before);
        assertThat(admin().post("/api/v1/certificates/" + anSerial + "/renew", Map.of()).status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/certificates/" + anSerial + "/revoke", Map.of("reason", "certificateHold"))
                .status()).isEqualTo(409);

        // not revoked until a CRL says so
        assertThat(admin().get("/api/v1/certificates/" + anSerial).text("status")).isEqualTo("VALID");
        var applied = postCrl(der(ca.crl(List.of(anCert.getSerialNumber(), BigInteger.valueOf(424242)))), "application/pkix-crl");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().path("entries").asInt()).isEqualTo(2);
        assertThat(applied.json().path("certificatesRevoked").toString()).contains(anSerial).doesNotContain(binhSerial);
        var revoked = admin().get("/api/v1/certificates/" + anSerial);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revocation").path("reason").asString()).isEqualTo("keyCompromise");
        assertThat(admin().get("/api/v1/certificates/" + binhSerial).text("status")).isEqualTo("VALID");

        long audit = count("audit_entry");
        assertThat(postCrl(der(ca.crl(List.of())), "application/pkix-crl").status()).as("newer CRL").isEqualTo(200);
        audit = count("audit_entry");
        var older = ca.crl(List.of(binhCert.getSerialNumber()));
        var stale = new TestPki.OutsideCa(unique("Z"));
        assertThat(postCrl(der(ca.crl(List.of(), ca.rootKeys.getPrivate())), "application/pkix-crl").status())
                .as("signed with the wrong key").isEqualTo(422);
        assertThat(postCrl(der(stale.crl(List.of())), "application/pkix-crl").status()).as("unknown issuer").isEqualTo(422);
        assertThat(postCrl("not a crl".getBytes(StandardCharsets.US_ASCII), "application/pkix-crl").status()).isEqualTo(400);
        assertThat(count("audit_entry")).isEqualTo(audit);
        String pemCrl = "-----BEGIN X509 CRL-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(der(older)) + "\n-----END X509 CRL-----\n";
        var pemApplied = postCrl(pemCrl.getBytes(StandardCharsets.US_ASCII), "application/x-pem-file");
        assertThat(pemApplied.status()).as(pemApplied.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/certificates/" + binhSerial).text("status")).isEqualTo("REVOKED");
        assertThat(postCrl(der(older), "application/pkix-crl").status()).as("the same CRL again").isEqualTo(409);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    default void aHoldOnAnOutsideCrlIsReleasedWhenTheNextCrlNoLongerListsIt() {
        var ca = new TestPki.OutsideCa(unique("H"));
        assertThat(anchor("RootCA " + unique("R"), pem(ca.root)).status()).isEqualTo(201);
        Person person = newIndividual(newAgency("Sở Xây dựng"), "Lý Văn Tùng");
        Instant now = Instant.now();
        X509Certificate leaf = ca.issue("Lý Văn Tùng", person.email(), now.minusSeconds(86400), now.plusSeconds(86400 * 300));
        var imported = importCertificate(person.id(), pem(leaf, ca.ca));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String serial = imported.text("serialNumber");
        long holds = count("certificate_hold");

        var held = postCrl(der(ca.crlOnHold(List.of(leaf.getSerialNumber()))), "application/pkix-crl");
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.json().path("certificatesRevoked").toString()).contains(serial);
        assertThat(admin().get("/api/v1/certificates/" + serial).text("status")).isEqualTo("ON_HOLD");
        var stillHeld = postCrl(der(ca.crlOnHold(List.of(leaf.getSerialNumber()))), "application/pkix-crl");
        assertThat(stillHeld.json().path("certificatesRevoked").toString()).as("already on hold")
                .doesNotContain(serial);
        assertThat(count("certificate_hold")).isEqualTo(holds + 1);
        var partial = postCrl(der(ca.crlOfUsersOnly(List.of())), "application/pkix-crl");
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/certificates/" + serial).text("status"))
                .as("a CRL of narrower scope releases nothing").isEqualTo("ON_HOLD");

        var released = postCrl(der(ca.crl(List.of())), "application/pkix-crl");
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().path("certificatesReleased").toString()).contains(serial);
        var after = admin().get("/api/v1/certificates/" + serial);
        assertThat(after.text("status")).isEqualTo("VALID");
        assertThat(after.json().path("revocation").isNull()).as(after.toString()).isTrue();
        assertThat(count("certificate_hold")).as("the hold stays in the history").isEqualTo(holds + 1);
        assertThat(admin().get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    default void anExpiredImportedCertificateCanStillBeRevoked() {
        var ca = new TestPki.OutsideCa(unique("E"));
        assertThat(anchor("RootCA " + unique("R"), pem(ca.root)).status()).isEqualTo(201);
        Person person = newIndividual(newAgency("Sở Công Thương"), "Trịnh Văn Quyết");
        X509Certificate old = ca.issue("Trịnh Văn Quyết", person.email(), Instant.parse("2019-01-01T00:00:00Z"),
                Instant.parse("2021-01-01T00:00:00Z"));
        var imported = importCertificate(person.id(), pem(old, ca.ca));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.text("status")).isEqualTo("EXPIRED");
        var revoked = admin().post("/api/v1/certificates/" + imported.text("serialNumber") + "/revoke",
                Map.of("case", "RETIRED"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revocation").path("reason").asString()).isEqualTo("cessationOfOperation");
    }

    /**
     * Many configured anchors that name each other as issuer (cross-certificates, re-issued roots)
     * must not turn an import into an endless search: the anchors are trust anchors only, never
     * candidate intermediates, so a certificate no anchor signed is refused at once. Offered as
     * both, twelve such pairs sent the path builder through millions of partial paths.
     */
    @Test
    default void anchorsNamingEachOtherDoNotStallAnImport() throws Exception {
        String suffix = unique("X");
        var x = new javax.security.auth.x500.X500Principal("CN=Cross X " + suffix + ", C=VN");
        var y = new javax.security.auth.x500.X500Principal("CN=Cross Y " + suffix + ", C=VN");
        var xKeys = TestPki.ec("secp256r1");
        var yKeys = TestPki.ec("secp256r1");
        var stranger = TestPki.ec("secp256r1");
        for (int i = 0; i < 12; i++) {
            assertThat(anchor("Cross X " + unique("A"), pem(crossCertificate(x, y, xKeys, stranger, true))).status())
                    .isEqualTo(201);
            assertThat(anchor("Cross Y " + unique("A"), pem(crossCertificate(y, x, yKeys, stranger, true))).status())
                    .isEqualTo(201);
        }
        Person person = newIndividual(newAgency("Sở Khoa học và Công nghệ"), "Đặng Thị Mai");
        X509Certificate leaf = crossCertificate(new javax.security.auth.x500.X500Principal("CN=Đặng Thị Mai, C=VN"), x,
                TestPki.ec("secp256r1"), stranger, false);
        long start = System.nanoTime();
        var refused = importCertificate(person.id(), pem(leaf));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    private static X509Certificate crossCertificate(javax.security.auth.x500.X500Principal subject,
            javax.security.auth.x500.X500Principal issuer, java.security.KeyPair keys, java.security.KeyPair signer,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(issuer, Pki.randomSerial(),
                java.util.Date.from(now.minus(Duration.ofDays(1))), java.util.Date.from(now.plus(Duration.ofDays(300))),
                subject, keys.getPublic());
        if (ca) {
            builder.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                    new org.bouncycastle.asn1.x509.BasicConstraints(true));
        }
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(builder.build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
}
