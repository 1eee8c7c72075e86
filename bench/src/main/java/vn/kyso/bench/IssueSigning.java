package vn.kyso.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.kyso.ca.Pki;

/**
 * The floor under "issue from a CSR": Bouncy Castle building and signing one subscriber
 * certificate with a P-256 CA key, through the provider Kyso's key store uses. No CSR, no
 * database, no HTTP; Kyso's figure for the whole request is measured over HTTP.
 */
@State(Scope.Benchmark)
public class IssueSigning {

    private final SecureRandom random = new SecureRandom();
    private KeyPair ca;
    private KeyPair subject;
    private X500Name issuer;
    private X500Name name;

    @Setup
    public void setup() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ca = generator.generateKeyPair();
        subject = generator.generateKeyPair();
        issuer = new X500Name("C=VN,O=Kyso,CN=Kyso Issuing CA");
        name = new X500Name("C=VN,L=Tỉnh Lâm Đồng,O=Sở Nội vụ,CN=Nguyễn Thị Đào");
    }

    @Benchmark
    public byte[] baseline() throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(159, random),
                Date.from(now), Date.from(now.plus(Duration.ofDays(1095))), name, subject.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(ca.getPrivate());
        return builder.build(signer).getEncoded();
    }
}
