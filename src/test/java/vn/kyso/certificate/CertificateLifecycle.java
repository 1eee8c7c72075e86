package vn.kyso.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/** Issue, read, revoke, hold, renew and replace certificates through the API, and what CRL and OCSP then say. */
public interface CertificateLifecycle extends KysoApi {

    private Api.Response issue(long subscriberId, String csr, Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("subscriberId", subscriberId, "csr", csr));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return admin().post("/api/v1/certificates", body);
    }

    private X509Certificate x509(String serial) {
        var der = admin().getBytes("/api/v1/certificates/" + serial, "application/pkix-cert");
        assertThat(der.status()).isEqualTo(200);
        assertThat(der.contentType()).startsWith("application/pkix-cert");
        return Pki.certificates(der.body()).get(0);
    }

    private X509CRL crl() {
        var response = api().getBytes("/crl/kyso.crl", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pkix-crl");
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509", Pki.BC)
                    .generateCRL(new ByteArrayInputStream(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void issuesAGovernmentStyleCertificateFromACsr() throws Exception {
        String agency = newAgency("Sở Y tế");
        Person person = newIndividual(agency, "Nguyễn Thị Ánh Tuyết");
        KeyPair keys = TestPki.rsa(2048);
        var issued = issue(person.id(), TestPki.csr(keys), "validityDays", 730);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.text("status")).isEqualTo("VALID");
        assertThat(issued.text("profile")).isEqualTo("INDIVIDUAL_SIGNING");
        assertThat(issued.text("issuer")).isEqualTo("kyso");
        assertThat(issued.text("storage")).isEqualTo("TOKEN");
        String serial = issued.text("serialNumber");
        assertThat(serial).matches("[0-9a-f]{30,40}");
        assertThat(issued.header("Location")).endsWith("/api/v1/certificates/" + serial);

        X509Certificate cert = x509(serial);
        assertThat(cert.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(128);
        assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(cert.getKeyUsage()).containsExactly(true, true, false, false, false, false, false, false, false);
        assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays())
                .isBetween(730L, 731L);
        assertThat(cert.getExtensionValue("2.5.29.31")).isNotNull(); // CRL distribution point
        assertThat(cert.getExtensionValue("1.3.6.1.5.5.7.1.1")).isNotNull(); // OCSP and CA issuers
        assertThat(cert.getExtensionValue("2.5.29.14")).isNotNull();
        assertThat(cert.getExtensionValue("2.5.29.35")).isNotNull();
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        ASN1Encodable cn = subject.getRDNs(BCStyle.CN)[0].getFirst().getValue();
        assertThat(cn).isInstanceOf(DERUTF8String.class);
        assertThat(cn.toString()).isEqualTo("Nguyễn Thị Ánh Tuyết");
        assertThat(subject.getRDNs(BCStyle.O)[0].getFirst().getValue().toString()).isEqualTo("Sở Y tế");
        assertThat(subject.getRDNs(BCStyle.C)[0].getFirst().getValue().toString()).isEqualTo("VN");
        assertThat(subject.getRDNs(BCStyle.EmailAddress)[0].getFirst().getValue().toString()).isEqualTo(person.email());
        X509Certificate issuing = Pki.certificates(api().getBytes("/ca/kyso.crt", null).body()).get(0);
        cert.verify(issuing.getPublicKey());
        assertThat(cert.getNotBefore()).as("never starts before its CA").isAfterOrEqualTo(issuing.getNotBefore());

        var audit = admin().get("/api/v1/audit?entity=certificate:" + serial);
        assertThat(audit.json().path("items").get(0).path("action").asString()).isEqualTo("certificate.issue");
        var listed = admin().get("/api/v1/certificates?agency=" + agency);
        assertThat(listed.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(admin().get("/api/v1/certificates?q=anh%20tuyet&agency=" + agency).json().path("totalItems").asLong())
                .isEqualTo(1);
        assertThat(admin().get("/api/v1/certificates?q=" + serial.toUpperCase()).json().path("totalItems").asLong())
                .isEqualTo(1);
        var ecIssued = issue(newIndividual(agency, "Lê Văn Tám").id(), TestPki.csr(TestPki.ec("secp256r1")));
        assertThat(ecIssued.status()).isEqualTo(201);
        assertThat(ecIssued.text("keyAlgorithm")).isEqualTo("EC");
    }

    @Test
    default void searchFindsNamesByTheStartOfAnyOfTheirWords() {
        String agency = newAgency("Sở Tư pháp");
        String binh = issue(newIndividual(agency, "Trần Văn Bình").id(), TestPki.csr(TestPki.ec("secp256r1")))
                .text("serialNumber");
        issue(newIndividual(agency, "Phạm Thị Lan").id(), TestPki.csr(TestPki.ec("secp256r1")));
        issue(newIndividual(agency, "Lê Thị Lan Anh").id(), TestPki.csr(TestPki.ec("secp256r1")));
        java.util.function.Function<String, Long> found = q -> {
            var page = admin().get("/api/v1/certificates?agency=" + agency + "&q=" + q);
            assertThat(page.status()).as(q).isEqualTo(200);
            return page.json().path("totalItems").asLong();
        };
        assertThat(found.apply("van%20bin")).isEqualTo(1);
        assertThat(found.apply("B%C3%ACnh")).as("with diacritics").isEqualTo(1);
        assertThat(found.apply("tr%E1%BA%A7n%20v%C4%83n%20b%C3%ACnh")).as("the whole name").isEqualTo(1);
        assertThat(found.apply("thi%20lan")).as("both Lans").isEqualTo(2);
        assertThat(found.apply("lan%20a")).isEqualTo(1);
        assertThat(found.apply("a")).as("a word starting with a: Anh").isEqualTo(1);
        assertThat(found.apply("%20%20THI%20%20%20LAN%20")).as("spaces and case as the name is folded").isEqualTo(2);
        assertThat(found.apply("ran")).as("not from the middle of a word").isZero();
        assertThat(found.apply("lan%20x")).isZero();
        assertThat(found.apply("50%25")).as("LIKE's own characters are plain text").isZero();
        assertThat(found.apply("%CC%81")).as("a lone combining mark folds to nothing").isZero();
        assertThat(admin().post("/api/v1/certificates/" + binh + "/revoke", Map.of("reason", "superseded")).status())
                .isEqualTo(200);
        assertThat(found.apply("tran%20van")).as("still found after the row changed").isEqualTo(1);
    }

    @Test
    default void aSearchByNameAloneAnswersAsTheFilteredSearchDoes() {
        String agency = newAgency("Sở Khoa học");
        List<String> serials = new java.util.ArrayList<>();
        for (String name : List.of("Khúc Thừa Dụ", "Khúc Khúc Hạo", "Khúc Thị Mai")) {
            serials.add(issue(newIndividual(agency, name).id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber"));
        }
        java.util.function.Function<String, List<String>> page = query -> {
            var answer = admin().get("/api/v1/certificates?" + query);
            assertThat(answer.status()).as(query).isEqualTo(200);
            List<String> found = new java.util.ArrayList<>();
            answer.json().path("items").forEach(item -> found.add(item.path("serialNumber").asText()));
            found.add("total " + answer.json().path("totalItems").asLong());
            return found;
        };
        // issued one after the other with the same validity: expiry order is issue order
        assertThat(page.apply("q=khuc")).containsExactly(serials.get(0), serials.get(1), serials.get(2), "total 3");
        assertThat(page.apply("q=khuc&size=2&page=1")).containsExactly(serials.get(2), "total 3");
        for (String q : List.of("khuc", "kh%C3%BAc%20kh", "khuc%20thi%20mai", "khuc%20hao", "khuc%20thua%20du%20x")) {
            assertThat(page.apply("q=" + q)).as(q).isEqualTo(page.apply("agency=" + agency + "&q=" + q));
        }
        assertThat(admin().post("/api/v1/certificates/" + serials.get(1) + "/revoke", Map.of("reason", "superseded"))
                .status()).isEqualTo(200);
        assertThat(page.apply("q=khuc%20hao")).as("found whatever its status").containsExactly(serials.get(1), "total 1");
    }

    @Test
    default void badRequestsAreRefusedAndStoreNothing() {
        String agency = newAgency("Sở Tài chính");
        Person person = newIndividual(agency, "Trần Văn Bình");
        Person other = newIndividual(agency, "Trần Văn Cường");
        KeyPair keys = TestPki.rsa(2048);
        assertThat(issue(person.id(), TestPki.csr(keys)).status()).isEqualTo(201);
        long certificates = count("certificate");
        long audit = count("audit_entry");

        var garbage = issue(person.id(), "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.errorFields()).containsExactly("csr");
        assertThat(issue(person.id(), "plain text").status()).isEqualTo(400);

        KeyPair forged = TestPki.rsa(2048);
        var badSignature = issue(person.id(), TestPki.csr(forged, TestPki.rsa(2048).getPrivate()));
        assertThat(badSignature.status()).isEqualTo(422);
        assertThat(badSignature.errorFields()).containsExactly("csr");
        assertThat(badSignature.json().path("message").path("en").asString()).contains("possession");

        assertThat(issue(person.id(), TestPki.csr(TestPki.rsa(1024))).status()).isEqualTo(422);
        assertThat(issue(person.id(), TestPki.csr(TestPki.ec("secp224r1"))).status()).isEqualTo(422);
        assertThat(issue(person.id(), TestPki.csr(TestPki.ec("secp256k1"))).status()).isEqualTo(422);
        var reused = issue(other.id(), TestPki.csr(keys));
        assertThat(reused.status()).isEqualTo(409);
        var profile = issue(person.id(), TestPki.csr(TestPki.rsa(2048)), "profile", "DEVICE_SERVICE");
        assertThat(profile.status()).isEqualTo(400);
        assertThat(profile.errorFields()).containsExactly("profile");
        var tooLong = issue(person.id(), TestPki.csr(TestPki.rsa(2048)), "validityDays", 1827);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("validityDays");
        assertThat(issue(987654321L, TestPki.csr(TestPki.rsa(2048))).status()).isEqualTo(404);
        assertThat(admin().post("/api/v1/certificates", Map.of("csr", "x")).errorFields()).containsExactly("subscriberId");

        assertThat(count("certificate")).isEqualTo(certificates);
        assertThat(count("audit_entry")).isEqualTo(audit);
        assertThat(admin().get("/api/v1/certificates/xyz").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/certificates/abcdef").status()).isEqualTo(404);
    }

    @Test
    default void revocationReachesCrlAtOnceAndIllegalMovesAnswer409() {
        String agency = newAgency("Sở Nội vụ");
        Person person = newIndividual(agency, "Phạm Minh Đức");
        String serial = issue(person.id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber");
        assertThat(crl().getRevokedCertificate(new BigInteger(serial, 16))).isNull();

        var revoked = admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("case", "TOKEN_LOST",
                "comment", "Mất USB token khi đi công tác", "invalidityDate", Instant.now().minusSeconds(3600).toString()));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revocation").path("reason").asString()).isEqualTo("keyCompromise");
        assertThat(revoked.json().path("revocation").path("case").asString()).isEqualTo("TOKEN_LOST");

        X509CRL crl = crl();
        var entry = crl.getRevokedCertificate(new BigInteger(serial, 16));
        assertThat(entry).as("listed in the CRL right after the revocation").isNotNull();
        assertThat(entry.getRevocationReason().name()).isEqualTo("KEY_COMPROMISE");
        assertThat(entry.getExtensionValue("2.5.29.24")).isNotNull(); // invalidity date

        String other = newSerial(agency);
        // a bare entry, with neither reason code nor invalidity date, must not break the CRL
        String bare = newSerial(agency);
        assertThat(admin().post("/api/v1/certificates/" + bare + "/revoke", Map.of("case", "OTHER")).status()).isEqualTo(200);
        var bareEntry = crl().getRevokedCertificate(new BigInteger(bare, 16));
        assertThat(bareEntry).isNotNull();
        assertThat(bareEntry.hasExtensions()).isFalse();

        long audit = count("audit_entry");
        var again = admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/certificates/" + serial + "/renew", Map.of()).status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/certificates/" + serial + "/release", Map.of()).status()).isEqualTo(409);
        var future = admin().post("/api/v1/certificates/" + other + "/revoke",
                Map.of("reason", "keyCompromise", "invalidityDate", Instant.now().plusSeconds(86_400).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/certificates/" + other + "/revoke", Map.of()).status())
                .isEqualTo(400);
        assertThat(admin().post("/api/v1/certificates/" + other + "/revoke",
                Map.of("reason", "becauseISaySo")).status()).isEqualTo(400);
        assertThat(count("audit_entry")).isEqualTo(audit);
    }

    private String newSerial(String agency) {
        return issue(newIndividual(agency, "Hoàng Văn Thụ").id(), TestPki.csr(TestPki.ec("secp256r1")))
                .text("serialNumber");
    }

    @Test
    default void holdAndReleaseAreForKysosOwnCertificates() {
        String agency = newAgency("Sở Xây dựng");
        String serial = newSerial(agency);
        var held = admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold"));
        assertThat(held.text("status")).isEqualTo("ON_HOLD");
        assertThat(crl().getRevokedCertificate(new BigInteger(serial, 16)).getRevocationReason().name())
                .isEqualTo("CERTIFICATE_HOLD");
        assertThat(admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold"))
                .status()).isEqualTo(409);
        var released = admin().post("/api/v1/certificates/" + serial + "/release", Map.of());
        assertThat(released.text("status")).isEqualTo("VALID");
        assertThat(crl().getRevokedCertificate(new BigInteger(serial, 16))).isNull();
        var finalRevoke = admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "affiliationChanged"));
        assertThat(finalRevoke.text("status")).isEqualTo("REVOKED");
    }

    private byte[] ocsp(X509Certificate issuing, BigInteger serial, byte[] nonce) {
        var response = api().exchange("/ocsp", "application/ocsp-request", TestPki.ocspRequest(issuing, serial, nonce));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    @Test
    default void ocspSendsAKeptAnswerAgainButNeverAStaleOne() throws Exception {
        String agency = newAgency("Sở Tài chính");
        String serial = newSerial(agency);
        BigInteger number = new BigInteger(serial, 16);
        X509Certificate issuing = Pki.certificates(api().getBytes("/ca/kyso.crt", null).body()).get(0);

        byte[] first = ocsp(issuing, number, null);
        assertThat(ocsp(issuing, number, null)).as("the same question is answered again from memory").isEqualTo(first);
        byte[] nonce = {4, 8, 15, 16, 23, 42};
        var fresh = (org.bouncycastle.cert.ocsp.BasicOCSPResp) new org.bouncycastle.cert.ocsp.OCSPResp(
                ocsp(issuing, number, nonce)).getResponseObject();
        assertThat(fresh.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                .getExtnValue().getOctets()).as("a nonce gets an answer of its own")
                .isEqualTo(new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded());

        // every change of status is seen by the very next question, though an answer was kept
        assertThat(admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold"))
                .status()).isEqualTo(200);
        assertThat(TestPki.ocsp(api(), issuing, number)).isEqualTo("revoked:6");
        assertThat(admin().post("/api/v1/certificates/" + serial + "/release", Map.of()).status()).isEqualTo(200);
        assertThat(TestPki.ocsp(api(), issuing, number)).isEqualTo("good");
        assertThat(admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise"))
                .status()).isEqualTo(200);
        assertThat(TestPki.ocsp(api(), issuing, number)).isEqualTo("revoked:1");
        assertThat(TestPki.ocsp(api(), issuing, number.add(BigInteger.ONE))).isEqualTo("unknown");
    }

    @Test
    default void renewalAndChangeOfInformationReplaceTheOldCertificate() {
        String agency = newAgency("Sở Giáo dục và Đào tạo");
        Person person = newIndividual(agency, "Vũ Thị Lan");
        KeyPair keys = TestPki.ec("secp256r1");
        String first = issue(person.id(), TestPki.csr(keys)).text("serialNumber");

        var renewed = admin().post("/api/v1/certificates/" + first + "/renew", Map.of("validityDays", 365));
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(201);
        String second = renewed.text("serialNumber");
        assertThat(second).isNotEqualTo(first);
        assertThat(renewed.text("replaces")).isEqualTo(first);
        assertThat(renewed.json().path("renewalCount").asInt()).isEqualTo(1);
        assertThat(x509(second).getPublicKey()).as("same key without a CSR").isEqualTo(keys.getPublic());
        var old = admin().get("/api/v1/certificates/" + first);
        assertThat(old.text("status")).isEqualTo("VALID");
        assertThat(old.text("replacedBy")).isEqualTo(second);
        assertThat(admin().post("/api/v1/certificates/" + first + "/renew", Map.of()).status()).isEqualTo(409);
        var tooLong = admin().post("/api/v1/certificates/" + second + "/renew", Map.of("validityDays", 1200));
        assertThat(tooLong.status()).isEqualTo(400);

        KeyPair newKeys = TestPki.rsa(2048);
        var reissued = admin().post("/api/v1/certificates/" + second + "/reissue", Map.of("csr", TestPki.csr(newKeys)));
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(201);
        assertThat(x509(reissued.text("serialNumber")).getPublicKey()).isEqualTo(newKeys.getPublic());
        assertThat(reissued.text("notAfter")).isEqualTo(admin().get("/api/v1/certificates/" + second).text("notAfter"));
        var superseded = admin().get("/api/v1/certificates/" + second);
        assertThat(superseded.text("status")).isEqualTo("REVOKED");
        assertThat(superseded.json().path("revocation").path("reason").asString()).isEqualTo("superseded");
    }

    @Test
    default void bulkRevocationDryRunPredictsTheRealRun() {
        String parent = newAgency("Ủy ban nhân dân xã Lạc Dương");
        String child = unique("CH");
        assertThat(admin().post("/api/v1/agencies", Map.of("code", child, "parentCode", parent,
                "name", "Văn phòng HĐND và UBND xã")).status()).isEqualTo(201);
        String a = issue(newIndividual(parent, "Cil Ha Ry").id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber");
        String b = issue(newIndividual(parent, "Liêng Hót K'Điệp").id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber");
        String c = issue(newIndividual(child, "Kră Jăn Ha Gioóc").id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber");
        assertThat(admin().post("/api/v1/certificates/" + b + "/revoke", Map.of("reason", "superseded")).status())
                .isEqualTo(200);

        long audit = count("audit_entry");
        Map<String, Object> request = new HashMap<>(Map.of("agencyCode", parent, "subtree", true,
                "case", "ORGANIZATION_DISSOLVED", "comment", "Sáp nhập xã"));
        var dry = admin().post("/api/v1/certificates/bulk-revoke", request);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().path("total").asInt()).isEqualTo(2);
        assertThat(dry.raw().body()).contains(a).contains(c).doesNotContain(b).doesNotContain("WOULD_FAIL");
        assertThat(count("audit_entry")).as("a dry run changes nothing").isEqualTo(audit);
        assertThat(admin().get("/api/v1/certificates/" + a).text("status")).isEqualTo("VALID");

        request.put("dryRun", false);
        var real = admin().post("/api/v1/certificates/bulk-revoke", request);
        assertThat(real.json().path("revoked").asInt()).isEqualTo(2);
        assertThat(real.json().path("failed").asInt()).isZero();
        for (String serial : new String[] {a, c}) {
            var view = admin().get("/api/v1/certificates/" + serial);
            assertThat(view.text("status")).isEqualTo("REVOKED");
            assertThat(view.json().path("revocation").path("reason").asString()).isEqualTo("cessationOfOperation");
            assertThat(crl().getRevokedCertificate(new BigInteger(serial, 16))).isNotNull();
        }
        assertThat(admin().post("/api/v1/certificates/bulk-revoke", request).json().path("total").asInt()).isZero();
        assertThat(admin().post("/api/v1/certificates/bulk-revoke", Map.of("reason", "superseded")).status()).isEqualTo(400);
        assertThat(newUser("AUDITOR", null).post("/api/v1/certificates/bulk-revoke", request).status()).isEqualTo(403);
    }

    @Test
    default void officersSeeOnlyTheirAgencysCertificates() {
        String mine = newAgency("Phường Xuân Hương - Đà Lạt");
        String theirs = newAgency("Phường Lâm Viên - Đà Lạt");
        String mySerial = issue(newIndividual(mine, "Đỗ Văn Nam").id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber");
        String theirSerial = issue(newIndividual(theirs, "Đỗ Thị Hoa").id(), TestPki.csr(TestPki.ec("secp256r1"))).text("serialNumber");
        Api officer = newUser("AGENCY_OFFICER", mine);
        assertThat(officer.get("/api/v1/certificates/" + mySerial).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/certificates/" + theirSerial).status()).isEqualTo(404);
        var list = officer.get("/api/v1/certificates?size=500");
        assertThat(list.raw().body()).contains(mySerial).doesNotContain(theirSerial);
        assertThat(officer.get("/api/v1/certificates?q=" + theirSerial).json().path("totalItems").asLong()).isZero();
        assertThat(officer.get("/api/v1/certificates?agency=" + theirs).status()).isEqualTo(404);
        assertThat(officer.post("/api/v1/certificates/" + mySerial + "/revoke", Map.of("reason", "keyCompromise"))
                .status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/certificates?status=VALID&agency=" + mine).json().path("totalItems").asLong())
                .isEqualTo(1);
        assertThat(admin().get("/api/v1/certificates?expiringWithinDays=2000&agency=" + mine).json().path("totalItems")
                .asLong()).isEqualTo(1);
        assertThat(admin().get("/api/v1/certificates?expiringWithinDays=30&agency=" + mine).json().path("totalItems")
                .asLong()).isZero();
        assertThat(admin().get("/api/v1/certificates/revocation-reasons").raw().body()).contains("Mất thiết bị lưu khóa bí mật");
    }
}
