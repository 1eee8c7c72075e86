package vn.kyso.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kyso.ca.Pki;
import vn.kyso.support.Api;
import vn.kyso.support.TestDatabases;
import vn.kyso.support.TestPki;

/**
 * The parsers of outside input that sit behind the API, fuzzed through real HTTP against one Kyso on
 * its own SQLite database: JSON bodies of every write route, CSRs, certificate and trust-anchor
 * imports, CRL imports and OCSP requests. Whatever arrives, the answer is never a 5xx, and each
 * target checks what a success must mean.
 *
 * <p>A signature stops random bytes at the door, so most targets also take a valid structure of
 * Kyso's test CA (a certificate's or CRL's to-be-signed part, a CSR's request info), let the fuzzer
 * edit it, and sign the edited bytes with the right key: the checks behind the signature are fuzzed too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "kyso.admin.username=fuzz-admin", "kyso.admin.password=" + ApiFuzzTest.PASSWORD})
class ApiFuzzTest {

    static final String PASSWORD = "Quản trị thử nghiệm 2026";
    private static final String SHA256_RSA = "SHA256withRSA";
    private static final String SHA256_ECDSA = "SHA256withECDSA";

    private static World world;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.sqlite(registry);
    }

    /** What the targets need, made once through the API. */
    private static final class World {
        final Api admin;
        final TestPki.OutsideCa outside = new TestPki.OutsideCa("fuzz");
        final String agency;
        final long subscriber;
        final String jsonAgency;
        final long jsonSubscriber;
        final String jsonToken;
        final String jsonCertificate;
        final String jsonUser;
        final X509Certificate issuing;
        final BigInteger issued;
        final byte[] leafTbs;
        final byte[] rootTbs;
        final byte[] crlTbs;
        final KeyPair csrKeys = TestPki.ec("secp256r1");
        final byte[] csrInfo;
        final AtomicInteger counter = new AtomicInteger();

        World(int port) throws Exception {
            admin = Api.at(port).as("fuzz-admin", PASSWORD);
            created(admin.post("/api/v1/trust-anchors", Map.of("name", "Gốc thử nghiệm", "pem",
                    TestPki.pem(outside.root))));
            agency = agency("FUZZ1", "Sở Thông tin và Truyền thông");
            subscriber = individual(agency, "Trần Thị Kiểm Thử", "kiemthu@lamdong.gov.vn", "068185000101");
            jsonAgency = agency("FUZZ2", "Sở Nội vụ");
            jsonSubscriber = individual(jsonAgency, "Lê Văn Mẫu", "levanmau@lamdong.gov.vn", "068185000202");
            jsonToken = "TKFUZZ1";
            created(admin.post("/api/v1/tokens", Map.of("serial", jsonToken, "model", "SAFENET-5110",
                    "agencyCode", jsonAgency)));
            jsonCertificate = created(admin.post("/api/v1/certificates", Map.of("subscriberId", jsonSubscriber,
                    "csr", TestPki.csr(TestPki.ec("secp256r1")), "profile", "INDIVIDUAL_SIGNING"))).text("serialNumber");
            jsonUser = "fuzz-officer";
            created(admin.post("/api/v1/users", Map.of("username", jsonUser, "password", "Mật khẩu dài 2026!",
                    "fullName", "Cán bộ thử", "roles", List.of("AGENCY_OFFICER"), "agencyCode", jsonAgency)));
            issuing = Pki.certificates(admin.getBytes("/ca/kyso.crt", null).body()).get(0);
            issued = new BigInteger(jsonCertificate, 16);
            // a first imported certificate makes the outside CA known, so its CRLs are accepted
            X509Certificate first = outside.issue("Trần Thị Kiểm Thử", "kiemthu@lamdong.gov.vn",
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
            created(admin.post("/api/v1/certificates/import", Map.of("pem", TestPki.pem(first) + TestPki.pem(outside.ca),
                    "subscriberId", subscriber)));
            X509Certificate leaf = outside.issue("Trần Thị Kiểm Thử", "kiemthu@lamdong.gov.vn",
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
            leafTbs = leaf.getTBSCertificate();
            rootTbs = outside.root.getTBSCertificate();
            crlTbs = outside.crl(List.of(leaf.getSerialNumber(), BigInteger.TEN)).getTBSCertList();
            csrInfo = PKCS10CertificationRequest.class.cast(new org.bouncycastle.openssl.PEMParser(
                    new java.io.StringReader(TestPki.csr(csrKeys))).readObject()).toASN1Structure()
                    .getCertificationRequestInfo().getEncoded();
        }

        private String agency(String code, String name) {
            created(admin.post("/api/v1/agencies", Map.of("code", code, "name", name)));
            return code;
        }

        private long individual(String agencyCode, String name, String email, String nationalId) {
            return created(admin.post("/api/v1/subscribers", Map.of("type", "INDIVIDUAL", "agencyCode", agencyCode,
                    "fullName", name, "email", email, "nationalId", nationalId, "dateOfBirth", "1985-05-05")))
                    .json().path("id").asLong();
        }

        private static Api.Response created(Api.Response response) {
            if (response.status() != 201) {
                throw new IllegalStateException("setting up the fuzz targets failed: " + response);
            }
            return response;
        }
    }

    private World world() throws Exception {
        // the targets talk to their own server only
        Sanitizers.allowLoopback();
        synchronized (ApiFuzzTest.class) {
            if (world == null) {
                world = new World(port);
            }
            return world;
        }
    }

    // ---- JSON bodies -------------------------------------------------------------------------

    /** Every route that reads a JSON body; {placeholders} name the target's own records. */
    static final List<String> ROUTES = List.of(
            "POST /api/v1/users", "PATCH /api/v1/users/{user}",
            "POST /api/v1/agencies", "PUT /api/v1/agencies/{agency}",
            "POST /api/v1/subscribers", "PUT /api/v1/subscribers/{subscriber}",
            "POST /api/v1/subscribers/{subscriber}/leave",
            "POST /api/v1/tokens", "POST /api/v1/token-models",
            "POST /api/v1/tokens/{token}/allocate", "POST /api/v1/tokens/{token}/hand-over",
            "POST /api/v1/tokens/{token}/return", "POST /api/v1/tokens/{token}/report-lost",
            "POST /api/v1/certificates", "POST /api/v1/certificates/import",
            "POST /api/v1/certificates/{certificate}/revoke", "POST /api/v1/certificates/{certificate}/renew",
            "POST /api/v1/certificates/{certificate}/reissue", "POST /api/v1/certificates/bulk-revoke",
            "POST /api/v1/trust-anchors", "PUT /api/v1/validation-policy", "POST /api/v1/reorganisations");

    /**
     * The input is a route line ("POST /api/v1/agencies") and the body after it; an unknown route
     * line picks a route by its hash, so every input reaches some controller. Never a 5xx, and a
     * refusal is a problem document.
     */
    @FuzzTest(maxDuration = "10m")
    void jsonBodies(byte[] input) throws Exception {
        World w = world();
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        String route = ROUTES.contains(first) ? first : ROUTES.get(Math.floorMod(first.hashCode(), ROUTES.size()));
        String body = fill(newline < 0 ? "" : text.substring(newline + 1), w);
        String method = route.substring(0, route.indexOf(' '));
        String path = fill(route.substring(route.indexOf(' ') + 1), w);
        Api.Response response = switch (method) {
            case "PUT" -> w.admin.put(path, body);
            case "PATCH" -> w.admin.patch(path, body);
            default -> w.admin.post(path, body);
        };
        answered(route, response);
    }

    private static String fill(String text, World w) {
        return text.replace("{user}", w.jsonUser).replace("{agency}", w.jsonAgency)
                .replace("{subscriber}", Long.toString(w.jsonSubscriber)).replace("{token}", w.jsonToken)
                .replace("{certificate}", w.jsonCertificate);
    }

    private static void answered(String what, Api.Response response) {
        assertThat(response.status()).as(what + " answered " + response).isBetween(200, 499);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(what + " refused without a problem: " + response)
                    .startsWith("application/problem+json");
        }
    }

    // ---- CSRs --------------------------------------------------------------------------------

    /**
     * A CSR as text, or a request whose info the fuzzer edited and the harness signed with the
     * requested key. An issued certificate certifies exactly the key the CSR proved it holds.
     */
    @FuzzTest(maxDuration = "10m")
    void csrs(FuzzedDataProvider data) throws Exception {
        World w = world();
        String csr;
        byte[] der = null;
        if (data.consumeBoolean()) {
            csr = data.consumeRemainingAsString();
        } else {
            byte[] info = Mutations.of(data, List.of(w.csrInfo));
            der = signed(info, w.csrKeys.getPrivate(), SHA256_ECDSA);
            csr = Pki.pem("CERTIFICATE REQUEST", der);
        }
        Api.Response response = w.admin.post("/api/v1/certificates", Map.of("subscriberId", w.subscriber, "csr", csr,
                "profile", "INDIVIDUAL_SIGNING"));
        answered("a CSR", response);
        if (response.status() == 201) {
            X509Certificate issued = Pki.certificates(w.admin.getBytes("/api/v1/certificates/"
                    + response.text("serialNumber"), "application/pkix-cert").body()).get(0);
            byte[] requested = der != null ? new PKCS10CertificationRequest(der).getSubjectPublicKeyInfo().getEncoded()
                    : requestedKey(csr);
            assertThat(issued.getPublicKey().getEncoded()).as("the certified key is the requested one")
                    .isEqualTo(requested);
        }
    }

    private static byte[] requestedKey(String csr) throws Exception {
        if (csr.contains("-----BEGIN")) {
            Object parsed = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(csr)).readObject();
            return ((PKCS10CertificationRequest) parsed).getSubjectPublicKeyInfo().getEncoded();
        }
        return new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(csr.strip())).getSubjectPublicKeyInfo()
                .getEncoded();
    }

    // ---- certificate and trust anchor imports ------------------------------------------------

    /**
     * Certificates issued elsewhere (a leaf with its chain) and trust anchors: as text, or a valid
     * certificate of the test CA whose to-be-signed part the fuzzer edited and the harness signed
     * with the issuer's key, so the chain still verifies and the checks after it run.
     */
    @FuzzTest(maxDuration = "10m")
    void certificates(FuzzedDataProvider data) throws Exception {
        World w = world();
        int mode = data.consumeInt(0, 3);
        if (mode < 2) {
            String pem = mode == 0 ? data.consumeRemainingAsString()
                    : Pki.pem("CERTIFICATE", signed(Mutations.of(data, List.of(w.leafTbs)), w.outside.caKeys.getPrivate(),
                            SHA256_RSA)) + TestPki.pem(w.outside.ca);
            answered("a certificate import", w.admin.post("/api/v1/certificates/import",
                    Map.of("pem", pem, "subscriberId", w.subscriber)));
        } else {
            String pem = mode == 2 ? data.consumeRemainingAsString()
                    : Pki.pem("CERTIFICATE", signed(Mutations.of(data, List.of(w.rootTbs)),
                            w.outside.rootKeys.getPrivate(), SHA256_RSA));
            answered("a trust anchor", w.admin.post("/api/v1/trust-anchors",
                    Map.of("name", "Gốc " + w.counter.incrementAndGet(), "pem", pem)));
        }
    }

    // ---- CRL imports -------------------------------------------------------------------------

    /** An outside CA's CRL, as bytes or as its edited list signed with the CA's key, in DER or PEM. */
    @FuzzTest(maxDuration = "10m")
    void crls(FuzzedDataProvider data) throws Exception {
        World w = world();
        boolean pem = data.consumeBoolean();
        byte[] crl = data.consumeBoolean() ? data.consumeRemainingAsBytes()
                : signed(Mutations.of(data, List.of(w.crlTbs)), w.outside.caKeys.getPrivate(), SHA256_RSA);
        byte[] body = pem ? Pki.pem("X509 CRL", crl).getBytes(StandardCharsets.US_ASCII) : crl;
        answered("a CRL", w.admin.postBytes("/api/v1/crls", pem ? "application/x-pem-file" : "application/pkix-crl",
                body));
    }

    // ---- OCSP requests -----------------------------------------------------------------------

    /**
     * OCSP requests: raw bytes, a valid request the fuzzer edited, or one built from fuzzed parts
     * (hash algorithm, issuer hashes, serial, nonce, extensions). The answer is always an OCSP
     * response, never an internal error; a successful one is signed by the responder, answers each
     * certificate asked about, and echoes the nonce.
     */
    @FuzzTest(maxDuration = "10m")
    void ocspRequests(FuzzedDataProvider data) throws Exception {
        World w = world();
        int mode = data.consumeInt(0, 2);
        byte[] request = switch (mode) {
            case 0 -> data.consumeRemainingAsBytes();
            case 1 -> Mutations.of(data, List.of(ocspRequest(w, List.of(w.issued), new byte[] {1, 2, 3})));
            default -> builtRequest(data, w);
        };
        Api.Bytes answer = data.consumeBoolean() && request.length < 4000
                ? w.admin.anonymous().getBytes("/ocsp/" + Base64.getUrlEncoder().encodeToString(request), null)
                : w.admin.anonymous().exchange("/ocsp", "application/ocsp-request", request);
        assertThat(answer.status()).as("OCSP over HTTP").isEqualTo(200);
        OCSPResp response = new OCSPResp(answer.body());
        assertThat(response.getStatus()).as("OCSP status").isIn(OCSPResp.SUCCESSFUL, OCSPResp.MALFORMED_REQUEST,
                OCSPResp.UNAUTHORIZED);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return;
        }
        var asked = new org.bouncycastle.cert.ocsp.OCSPReq(request);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        var signer = basic.getCerts()[0];
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(signer)))
                .as("the response is signed").isTrue();
        assertThat(basic.getResponses()).hasSameSizeAs(asked.getRequestList());
        Extension nonce = asked.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isEqualTo(nonce);
        }
    }

    private static byte[] builtRequest(FuzzedDataProvider data, World w) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
        OCSPReqBuilder builder = new OCSPReqBuilder();
        int count = data.consumeInt(0, 40);
        for (int i = 0; i < count; i++) {
            AlgorithmIdentifier hash = data.consumeBoolean() ? CertificateID.HASH_SHA1
                    : new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256);
            CertificateID id = new CertificateID(digests.get(hash), new JcaX509CertificateHolder(w.issuing),
                    data.consumeBoolean() ? w.issued : new BigInteger(1, data.consumeBytes(data.consumeInt(0, 24))));
            if (data.consumeBoolean()) {
                // issuer hashes of some other CA, or junk
                id = new CertificateID(new org.bouncycastle.asn1.ocsp.CertID(hash,
                        new DEROctetString(data.consumeBytes(data.consumeInt(0, 40))),
                        new DEROctetString(data.consumeBytes(data.consumeInt(0, 40))),
                        new org.bouncycastle.asn1.ASN1Integer(id.getSerialNumber())));
            }
            builder.addRequest(id);
        }
        List<Extension> extensions = new ArrayList<>();
        if (data.consumeBoolean()) {
            extensions.add(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(data.consumeBytes(data.consumeInt(0, 64))).getEncoded()));
        }
        if (data.consumeBoolean()) {
            extensions.add(new Extension(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1." + data.consumeInt(1, 12)),
                    data.consumeBoolean(), data.consumeBytes(data.consumeInt(0, 32))));
        }
        if (!extensions.isEmpty()) {
            builder.setRequestExtensions(new Extensions(extensions.toArray(Extension[]::new)));
        }
        return builder.build().getEncoded();
    }

    private static byte[] ocspRequest(World w, List<BigInteger> serials, byte[] nonce) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (BigInteger serial : serials) {
            builder.addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(w.issuing), serial));
        }
        builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce).getEncoded())));
        return builder.build().getEncoded();
    }

    // ---- signing what the fuzzer made --------------------------------------------------------

    /** SEQUENCE { tbs as given, algorithm, BIT STRING signature }: the shape of certificates, CRLs and CSRs. */
    static byte[] signed(byte[] tbs, PrivateKey key, String algorithm) throws Exception {
        Signature signature = Signature.getInstance(algorithm, Pki.BC);
        signature.initSign(key);
        signature.update(tbs);
        byte[] value = signature.sign();
        AlgorithmIdentifier id = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(tbs);
        content.writeBytes(id.getEncoded());
        byte[] bits = new byte[value.length + 1];
        System.arraycopy(value, 0, bits, 1, value.length);
        content.writeBytes(tlv(0x03, bits));
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            byte[] length = BigInteger.valueOf(n).toByteArray();
            int skip = length[0] == 0 ? 1 : 0;
            out.write(0x80 | (length.length - skip));
            out.write(length, skip, length.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
