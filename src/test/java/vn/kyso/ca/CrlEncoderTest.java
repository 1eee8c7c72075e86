package vn.kyso.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * CrlEncoder against the oracle it replaced: Bouncy Castle's X509v2CRLBuilder, fed the same input
 * the way CrlPublisher used to feed it, must produce the same bytes. A signer that "signs" with a
 * digest makes the whole CRL deterministic, so the comparison covers the signature wrapping too.
 */
class CrlEncoderTest {

    private record Entry(String serial, Instant revokedAt, int reason, Instant invalidityDate) {
    }

    private static final X500Name ISSUER = new X500Name("C=VN,O=Kyso,CN=Kyso Issuing CA");
    private static final Instant THIS_UPDATE = Instant.parse("2026-11-23T01:02:03.456Z");

    private static List<Entry> edgeCases() {
        List<Entry> entries = new ArrayList<>();
        int[] reasons = {0, 1, 2, 3, 4, 5, 6, 8, 9, 10};
        String[] serials = {"0", "1", "7f", "80", "ff", "100", "00ff", "ABCDEF", "7fffffffffffffffffffffffffffffffffffffff",
            "8000000000000000000000000000000000000000", "f" + "0".repeat(63), "123456789abcdef"};
        Instant[] times = {Instant.parse("1949-12-31T23:59:59Z"), Instant.parse("1950-01-01T00:00:00Z"),
            Instant.parse("2026-01-09T10:20:30.999Z"), Instant.parse("2049-12-31T23:59:59.999Z"),
            Instant.parse("2050-01-01T00:00:00Z"), Instant.parse("2107-06-15T08:00:01.001Z")};
        int i = 0;
        for (int reason : reasons) {
            for (boolean invalidity : new boolean[] {false, true}) {
                for (Instant time : times) {
                    entries.add(new Entry(serials[i % serials.length], time, reason,
                            invalidity ? times[(i + 3) % times.length].minusMillis(1) : null));
                    i++;
                }
            }
        }
        return entries;
    }

    @Test
    void sameBytesAsBouncyCastlesBuilder() throws Exception {
        List<Entry> entries = edgeCases();
        assertSame(entries, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(1)));
        assertSame(List.of(), THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(7)));
        assertSame(entries.subList(0, 3), Instant.parse("2049-12-31T12:00:00Z"), Instant.parse("2050-01-01T12:00:00Z"));

        // enough entries for lengths of three bytes and more
        Random random = new Random(42);
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(new Entry(new BigInteger(1 + random.nextInt(160), random).toString(16),
                    THIS_UPDATE.minusMillis(random.nextLong(1L << 40)), random.nextInt(7),
                    random.nextBoolean() ? THIS_UPDATE.minusMillis(random.nextLong(1L << 41)) : null));
        }
        assertSame(many, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofHours(1)));
    }

    @Test
    void theJdkAndBouncyCastleVerifyTheSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ContentSigner selfSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(keys.getPrivate());
        var certBuilder = new JcaX509v3CertificateBuilder(ISSUER, BigInteger.ONE, Date.from(THIS_UPDATE),
                Date.from(THIS_UPDATE.plus(Duration.ofDays(365))), ISSUER, keys.getPublic());
        certBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate issuer = new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate(certBuilder.build(selfSigner));

        List<Entry> entries = edgeCases();
        CrlEncoder encoder = encoder(entries);
        byte[] der = encoder.sign(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(keys.getPrivate()),
                ISSUER, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofDays(1)), crlExtensions(7, issuer));

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        crl.verify(issuer.getPublicKey());
        assertThat(crl.getEncoded()).isEqualTo(der);
        assertThat(crl.getRevokedCertificates()).hasSize(entries.size());
        X509CRLEntry first = crl.getRevokedCertificate(BigInteger.valueOf(0x80));
        assertThat(first.getRevocationDate()).isEqualTo(Date.from(entries.get(3).revokedAt().minusMillis(999)));
        assertThat(crl.getRevokedCertificate(new BigInteger("8000000000000000000000000000000000000000", 16))).isNotNull();
        assertThat(crl.getThisUpdate()).isEqualTo(Date.from(Instant.parse("2026-11-23T01:02:03Z")));

        X509CRLHolder holder = new X509CRLHolder(der);
        assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(issuer)))
                .isTrue();
        assertThat(holder.getRevokedCertificates()).hasSize(entries.size());
    }

    private static void assertSame(List<Entry> entries, Instant thisUpdate, Instant nextUpdate) throws Exception {
        Extensions extensions = crlExtensions(entries.size() + 1000L, null);
        byte[] expected = oracle(entries, thisUpdate, nextUpdate, extensions);
        byte[] actual = encoder(entries).sign(new DigestSigner(), ISSUER, thisUpdate, nextUpdate, extensions);
        assertThat(actual).isEqualTo(expected);
    }

    private static CrlEncoder encoder(List<Entry> entries) {
        CrlEncoder encoder = new CrlEncoder();
        for (Entry e : entries) {
            encoder.add(e.serial(), e.revokedAt(), e.reason(), e.invalidityDate());
        }
        assertThat(encoder.size()).isEqualTo(entries.size());
        return encoder;
    }

    private static Extensions crlExtensions(long number, X509Certificate issuer) throws Exception {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
        if (issuer != null) {
            extensions.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
        }
        return extensions.generate();
    }

    /** What CrlPublisher did before CrlEncoder, entry by entry. */
    private static byte[] oracle(List<Entry> entries, Instant thisUpdate, Instant nextUpdate, Extensions crlExtensions)
            throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ISSUER, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (Entry e : entries) {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            if (e.reason() > 0) {
                extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(e.reason()));
            }
            if (e.invalidityDate() != null) {
                extensions.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(e.invalidityDate())));
            }
            BigInteger serial = new BigInteger(e.serial(), 16);
            if (extensions.isEmpty()) {
                builder.addCRLEntry(serial, Date.from(e.revokedAt()), CRLReason.unspecified);
            } else {
                builder.addCRLEntry(serial, Date.from(e.revokedAt()), extensions.generate());
            }
        }
        for (var oid : crlExtensions.getExtensionOIDs()) {
            Extension extension = crlExtensions.getExtension(oid);
            builder.addExtension(oid, extension.isCritical(), extension.getParsedValue());
        }
        return builder.build(new DigestSigner()).getEncoded();
    }

    /** Deterministic stand-in for a signature: the SHA-256 of what was signed. */
    private static final class DigestSigner implements ContentSigner {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public byte[] getSignature() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
