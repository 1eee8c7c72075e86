package vn.kyso.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;

/** The small PKI helpers every part of Kyso shares: the provider, serials, hashes, PEM. */
public final class Pki {

    public static final Provider BC;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (installed == null) {
            installed = new BouncyCastleProvider();
            Security.addProvider(installed);
        }
        BC = installed;
    }

    private Pki() {
    }

    /**
     * 159 random bits in at most 20 octets, positive (RFC 5280 4.1.2.2), never short: unguessable
     * serials make chosen-prefix collision attacks on the signature impractical.
     */
    public static BigInteger randomSerial() {
        while (true) {
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            bytes[0] &= 0x7f;
            BigInteger serial = new BigInteger(bytes);
            if (serial.bitLength() >= 144) {
                return serial;
            }
        }
    }

    /** Serials as the API writes them: lowercase hex, no separators or leading zeros. */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /** Accepts what people paste: colons, spaces, upper case, a leading 0x. Null if not hex at all. */
    public static String normalizeSerial(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toLowerCase().replaceAll("[\\s:-]", "");
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > 64 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return new BigInteger(s, 16).toString(16);
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("SHA-256", data));
    }

    public static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** SHA-1 of the subjectPublicKey BIT STRING: the key identifier of RFC 5280 4.2.1.2 (1). */
    public static String keyHash(PublicKey key) {
        byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return HexFormat.of().formatHex(digest("SHA-1", bits));
    }

    public static String spkiSha256(PublicKey key) {
        return sha256Hex(key.getEncoded());
    }

    public static String keyAlgorithm(PublicKey key) {
        return key instanceof RSAPublicKey ? "RSA" : key instanceof ECPublicKey ? "EC" : key.getAlgorithm();
    }

    public static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BC);
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null) {
                // the factory answers null, not an exception, for bytes that hold no certificate at all
                throw new IllegalArgumentException("Not a certificate: no data");
            }
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Certificates from PEM (one or many blocks) or DER (one certificate or a PKCS#7 bundle).
     * Throws IllegalArgumentException for anything else.
     */
    public static List<X509Certificate> certificates(byte[] data) {
        List<X509Certificate> out = new ArrayList<>();
        String text = new String(data, StandardCharsets.US_ASCII);
        try {
            if (text.contains("-----BEGIN")) {
                try (PEMParser parser = new PEMParser(new StringReader(text))) {
                    PemObject pem;
                    while ((pem = parser.readPemObject()) != null) {
                        if (pem.getType().endsWith("CERTIFICATE")) {
                            out.add(certificate(pem.getContent()));
                        } else if (pem.getType().equals("PKCS7")) {
                            out.addAll(bundle(pem.getContent()));
                        }
                    }
                }
            } else {
                out.addAll(bundle(data));
            }
            for (X509Certificate certificate : out) {
                // Bouncy Castle decodes the parts of a certificate only when they are read: damage inside
                // one (a name, a date) fails here, as unreadable input, not later in whatever reads that
                // part first.
                certificate.getTBSCertificate();
                certificate.getSubjectX500Principal();
                certificate.getIssuerX500Principal();
                certificate.getNotBefore();
                certificate.getNotAfter();
            }
        } catch (IOException | java.security.cert.CertificateEncodingException | RuntimeException e) {
            throw new IllegalArgumentException("Not a certificate in PEM or DER: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No certificate found");
        }
        return out;
    }

    private static List<X509Certificate> bundle(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BC);
            Collection<? extends java.security.cert.Certificate> all =
                    factory.generateCertificates(new ByteArrayInputStream(der));
            return all.stream().map(c -> (X509Certificate) c).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a certificate: " + e.getMessage(), e);
        }
    }

    public static String pem(String type, byte[] der) {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
