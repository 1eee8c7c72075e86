package vn.kyso.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The committed pki-samples/ hang together: chains, keys, CRL, manifest and dates. Checked with the
 * JDK's own providers, not the Bouncy Castle code that made them. If this fails, regenerate with
 * {@code ./mvnw -q -Psamples -DskipTests process-test-classes}.
 */
class SamplePkiTest {

    static final Path DIR = Path.of("pki-samples");
    static final String HEADER = "file\tsubject\tserial\tkey\texpected_status\tnote";

    record Row(String file, String subject, String serial, String key, String status, String note) {
    }

    X509Certificate root;
    X509Certificate issuing;
    List<Row> manifest;

    @BeforeEach
    void load() throws Exception {
        root = certificate("ca/kyso-root.pem");
        issuing = certificate("ca/kyso.pem");
        List<String> lines = Files.readAllLines(DIR.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        manifest = lines.stream().skip(1).map(line -> {
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(6);
            return new Row(f[0], f[1], f[2], f[3], f[4], f[5]);
        }).toList();
    }

    @Test
    void caCertificatesFormTheChain() throws Exception {
        root.verify(root.getPublicKey());
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        issuing.verify(root.getPublicKey());
        assertThat(issuing.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(issuing.getBasicConstraints()).as("issuing CA, path length 0").isZero();

        X509Certificate ocsp = certificate("ca/kyso-ocsp.pem");
        ocsp.verify(issuing.getPublicKey());
        assertThat(ocsp.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
    }

    @Test
    void everySubscriberCertificateChainsToTheRoot() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Row row : manifest) {
            X509Certificate cert = certificate(row.file());
            cert.verify(issuing.getPublicKey());
            assertThat(cert.getIssuerX500Principal()).as(row.file()).isEqualTo(issuing.getSubjectX500Principal());
            assertThat(cert.getBasicConstraints()).as(row.file()).isEqualTo(-1);

            // the full PKIX checks, as of a moment inside the certificate's life, so the expired one is judged too
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(new Date((cert.getNotBefore().getTime() + cert.getNotAfter().getTime()) / 2));
            CertPathValidator.getInstance("PKIX")
                    .validate(factory.generateCertPath(List.of(cert, issuing)), parameters);
        }
    }

    @Test
    void eachKeyFileHoldsItsCertificatesPrivateKey() throws Exception {
        byte[] message = "Mẫu thử, không dùng thật".getBytes(StandardCharsets.UTF_8);
        for (Row row : manifest) {
            X509Certificate cert = certificate(row.file());
            String algorithm = cert.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(pem(row.key(), "PRIVATE KEY")));
            String signing = "SHA256with" + (algorithm.equals("EC") ? "ECDSA" : algorithm);
            Signature signer = Signature.getInstance(signing);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signing);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(message);
            assertThat(verifier.verify(signature)).as(row.key() + " belongs to " + row.file()).isTrue();
        }
    }

    @Test
    void theRootsCrlCoversTheIssuingCaAndListsNothing() throws Exception {
        byte[] der = Files.readAllBytes(DIR.resolve("crl/kyso-root.crl"));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        crl.verify(root.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(crl.getRevokedCertificate(issuing.getSerialNumber())).isNull();
    }

    @Test
    void crlIsSignedByTheIssuingCaAndListsExactlyTheRevokedSample() throws Exception {
        byte[] der = Files.readAllBytes(DIR.resolve("crl/kyso.crl"));
        assertThat(pem("crl/kyso.crl.pem", "X509 CRL")).as("the PEM and DER CRL are the same CRL").isEqualTo(der);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        crl.verify(issuing.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());

        Set<BigInteger> listed = crl.getRevokedCertificates().stream().map(X509CRLEntry::getSerialNumber)
                .collect(Collectors.toSet());
        Set<BigInteger> revoked = manifest.stream().filter(r -> r.status().equals("REVOKED"))
                .map(r -> new BigInteger(r.serial(), 16)).collect(Collectors.toSet());
        assertThat(revoked).hasSize(1);
        assertThat(listed).isEqualTo(revoked);
        assertThat(crl.getRevokedCertificate(revoked.iterator().next()).getRevocationReason())
                .isEqualTo(CRLReason.KEY_COMPROMISE);
    }

    @Test
    void datesAgreeWithTheExpectedStatus() throws Exception {
        assertThat(manifest).extracting(Row::status).containsOnly("VALID", "REVOKED", "EXPIRED")
                .contains("VALID", "REVOKED", "EXPIRED");
        Date now = new Date();
        for (Row row : manifest) {
            X509Certificate cert = certificate(row.file());
            assertThat(cert.getNotBefore()).as(row.file() + " notBefore").isBefore(now);
            if (row.status().equals("EXPIRED")) {
                assertThat(cert.getNotAfter()).as(row.file() + " notAfter").isBefore(now);
            } else {
                assertThat(cert.getNotAfter()).as(row.file() + " notAfter (regenerate the samples?)").isAfter(now);
            }
        }
    }

    @Test
    void manifestDescribesExactlyTheFilesThere() throws Exception {
        for (Row row : manifest) {
            X509Certificate cert = certificate(row.file());
            assertThat(row.serial()).as(row.file()).matches("[0-9a-f]+").isEqualTo(cert.getSerialNumber().toString(16));
            assertThat(row.subject()).as(row.file())
                    .isEqualTo(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).toString());
            String name = row.file().replaceFirst("^certs/(.+)\\.pem$", "$1");
            assertThat(row.key()).isEqualTo("keys/" + name + ".key.pem");
        }
        assertThat(list("certs")).isEqualTo(manifest.stream().map(Row::file).collect(Collectors.toSet()));
        assertThat(list("keys")).isEqualTo(manifest.stream().map(Row::key).collect(Collectors.toSet()));
        assertThat(list("ca")).containsExactlyInAnyOrder("ca/kyso-root.pem", "ca/kyso.pem", "ca/kyso-ocsp.pem");
        assertThat(list("crl")).containsExactlyInAnyOrder("crl/kyso.crl", "crl/kyso.crl.pem", "crl/kyso-root.crl");
    }

    private static X509Certificate certificate(String file) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem(file, "CERTIFICATE")));
    }

    /** The one PEM block in {@code file}, which must be of {@code type}. */
    private static byte[] pem(String file, String type) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(Files.readString(DIR.resolve(file))))) {
            PemObject object = reader.readPemObject();
            assertThat(object).as(file).isNotNull();
            assertThat(object.getType()).as(file).isEqualTo(type);
            assertThat(reader.readPemObject()).as(file + " holds one block").isNull();
            return object.getContent();
        }
    }

    private static Set<String> list(String folder) throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve(folder))) {
            return files.map(p -> folder + "/" + p.getFileName()).collect(Collectors.toSet());
        }
    }
}
