package vn.kyso.bench.data;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.kyso.ca.Pki;

/**
 * Signs subscriber certificates with Kyso's own issuing CA key, read from the key store Kyso made
 * on its first start, with the extensions Kyso's CA adds. Every generated certificate is a real
 * one: its serial, names and dates are what the database says. Subject keys come from a small pool
 * (RSA key generation alone would take hours for two million).
 */
final class Issuer {

    private static final int POOL = 128;

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final AuthorityKeyIdentifier aki;
    private final CRLDistPoint crl;
    private final AuthorityInformationAccess aia;
    private final PublicKey[] pool = new PublicKey[POOL];
    private final SubjectKeyIdentifier[] skis = new SubjectKeyIdentifier[POOL];
    private final String[] spkiHashes = new String[POOL];

    Issuer(Path dataDir, String publicUrl) throws Exception {
        KeyStore.PrivateKeyEntry entry = CaKeyStoreFile.entry(dataDir, "kyso");
        key = entry.getPrivateKey();
        certificate = (X509Certificate) entry.getCertificate();
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        aki = utils.createAuthorityKeyIdentifier(certificate);
        String base = publicUrl.replaceAll("/+$", "");
        crl = new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(uri(base + "/crl/kyso.crl"))), null, null)});
        aia = new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp, uri(base + "/ocsp")),
            new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers, uri(base + "/ca/kyso.crt"))});
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        for (int i = 0; i < POOL; i++) {
            KeyPair pair = i < POOL / 2 ? rsa.generateKeyPair() : ec.generateKeyPair();
            pool[i] = pair.getPublic();
            skis[i] = utils.createSubjectKeyIdentifier(pair.getPublic());
            spkiHashes[i] = Pki.spkiSha256(pair.getPublic());
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Tokens hold RSA 2048 keys, three in four certificates; SIM and remote signing often P-256. */
    int pickKey(java.util.Random random) {
        return random.nextInt(4) < 3 ? random.nextInt(POOL / 2) : POOL / 2 + random.nextInt(POOL / 2);
    }

    PublicKey key(int i) {
        return pool[i];
    }

    String spkiSha256(int i) {
        return spkiHashes[i];
    }

    /**
     * A signer per thread, through Bouncy Castle as Kyso's own CA signs: on Java 17 it signs P-256
     * about three times as fast as the JDK's SunEC (fixed-point tables for the base point).
     */
    ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(key);
    }

    byte[] issue(ContentSigner signer, BigInteger serial, X500Name subject, int keyIndex, Instant notBefore,
            Instant notAfter, int keyUsage, KeyPurposeId[] extendedKeyUsages, String email) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial, Date.from(notBefore),
                Date.from(notAfter), subject, pool[keyIndex]);
        b.addExtension(Extension.subjectKeyIdentifier, false, skis[keyIndex]);
        b.addExtension(Extension.authorityKeyIdentifier, false, aki);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsages));
        if (email != null) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
        }
        b.addExtension(Extension.cRLDistributionPoints, false, crl);
        b.addExtension(Extension.authorityInfoAccess, false, aia);
        return b.build(signer).getEncoded();
    }

    /** The base address Kyso put in its own CA certificates (their caIssuers URL), to use the same in ours. */
    static String publicUrl(X509Certificate issuing) throws Exception {
        byte[] ext = issuing.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext != null) {
            AuthorityInformationAccess a = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(ext).getOctets());
            for (AccessDescription d : a.getAccessDescriptions()) {
                String url = d.getAccessLocation().getName().toString();
                int at = url.indexOf("/ca/");
                if (at > 0) {
                    return url.substring(0, at);
                }
            }
        }
        return "http://localhost:8080";
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
