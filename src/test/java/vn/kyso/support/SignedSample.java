package vn.kyso.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

import vn.kyso.ca.Pki;
import vn.kyso.samples.SampleSigner;

/**
 * A certificate the running Kyso issued, with its key, for documents a fresh Kyso trusts (the
 * samples in pki-samples/ are signed by a CA it does not), and a dispatch signed with it.
 */
public record SignedSample(String signerName, String agencyCode, String agencyName, String serial, KeyPair keys,
        X509Certificate certificate, X509Certificate issuing) {

    public static final String CONTENT = "Công văn số 45/UBND-VP về việc triển khai chữ ký số chuyên dùng công vụ.";

    public static SignedSample issue(KysoApi kyso, String signerName, String agencyName) {
        String agency = kyso.newAgency(agencyName);
        var person = kyso.newIndividual(agency, signerName);
        KeyPair keys = TestPki.ec("secp256r1");
        var issued = kyso.admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(), "csr", TestPki.csr(keys)));
        if (issued.status() != 201) {
            throw new AssertionError("Could not issue: " + issued);
        }
        String serial = issued.text("serialNumber");
        var der = kyso.admin().getBytes("/api/v1/certificates/" + serial, "application/pkix-cert");
        X509Certificate certificate = Pki.certificates(der.body()).get(0);
        X509Certificate issuing = Pki.certificates(kyso.api().getBytes("/ca/kyso.crt", null).body()).get(0);
        return new SignedSample(signerName, agency, agencyName, serial, keys, certificate, issuing);
    }

    /** The dispatch, signed (attached CMS). */
    public byte[] valid() {
        return sign(CONTENT.getBytes(StandardCharsets.UTF_8));
    }

    /** The dispatch signed, then one character of its text changed. */
    public byte[] tampered() {
        byte[] signed = valid();
        signed[new String(signed, StandardCharsets.ISO_8859_1).indexOf("45/UBND")] = '9';
        return signed;
    }

    /** An attached CMS over {@code content}, signed now, as the samples are. */
    public byte[] sign(byte[] content) {
        try {
            return SampleSigner.sign(keys.getPrivate(), certificate, issuing, content, true, Instant.now()).getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
