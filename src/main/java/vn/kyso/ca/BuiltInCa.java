package vn.kyso.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
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
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.KysoProperties;

/**
 * Kyso's own CA: a root (ECDSA P-384, 20 years) that signs only an issuing CA (P-256, 10 years,
 * path length 0), which signs subscriber certificates, CRLs and a delegated OCSP signer.
 * Created on first start; afterwards the database names the CA and the key store holds its keys,
 * and the two must agree or Kyso refuses to start rather than sign with the wrong key.
 */
@Component
public class BuiltInCa implements InitializingBean {

    public static final String ROOT = "kyso-root";
    public static final String ISSUING = "kyso";
    static final String OCSP = "kyso-ocsp";
    private static final Duration OCSP_SIGNER_LIFETIME = Duration.ofDays(365);
    private static final Duration OCSP_SIGNER_RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(BuiltInCa.class);

    private final KysoProperties properties;
    private final CaRepository cas;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    private CaKeys keys;
    private CaRecord rootRecord;
    private CaRecord issuingRecord;
    private X509Certificate root;
    private X509Certificate issuing;
    private PrivateKey rootKey;
    private PrivateKey issuingKey;
    private volatile OcspSigner ocspSigner;

    public BuiltInCa(KysoProperties properties, CaRepository cas, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.cas = cas;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The delegated OCSP responder's key and certificate (issued by the issuing CA). */
    public record OcspSigner(PrivateKey key, X509Certificate certificate) {
    }

    @Override
    public void afterPropertiesSet() {
        keys = openKeys();
        if (cas.findByName(ISSUING).isEmpty()) {
            create();
        }
        load();
        ensureOcspSigner();
    }

    private CaKeys openKeys() {
        KysoProperties.Ca.Pkcs11 pkcs11 = properties.ca().pkcs11();
        if (pkcs11 != null && pkcs11.library() != null && !pkcs11.library().isBlank()) {
            return Pkcs11Keys.open(pkcs11);
        }
        return CaKeyStore.open(properties.dataDir(), properties.ca().keystorePassword());
    }

    private void create() {
        if (keys.has(ISSUING)) {
            throw new IllegalStateException("The CA key store " + keys.location() + " holds keys, but the database has "
                    + "no CA: restore the database, or move the keys away to create a new CA.");
        }
        Instant now = clock.instant();
        String org = properties.ca().organization();
        KeyPair rootPair = keys.generate(ROOT, "secp384r1");
        X500Name rootName = name(org, org + " Root CA");
        X509Certificate rootCert = caCertificate(rootName, rootPair.getPublic(), rootName, rootPair.getPrivate(), null,
                now, now.plus(Duration.ofDays(20 * 365 + 5)), -1, "SHA384withECDSA", null);
        KeyPair issuingPair = keys.generate(ISSUING, "secp256r1");
        X500Name issuingName = name(org, org + " Issuing CA");
        X509Certificate issuingCert = caCertificate(issuingName, issuingPair.getPublic(), rootName,
                rootPair.getPrivate(), rootCert, now, now.plus(Duration.ofDays(10 * 365 + 2)), 0, "SHA384withECDSA",
                ROOT);
        try {
            tx.executeWithoutResult(status -> {
                CaRecord rootRow = record(ROOT, rootCert, null, now);
                cas.save(rootRow);
                CaRecord issuingRow = record(ISSUING, issuingCert, rootRow.id, now);
                cas.save(issuingRow);
                for (CaRecord row : List.of(rootRow, issuingRow)) {
                    audit.record(AuditLog.SYSTEM, new AuditLog.Change("ca.create", "ca", row.name, null, null,
                            Map.of("subject", row.subjectDn, "keyHash", row.keyHash,
                                    "sha256", Pki.sha256Hex(row.certificate))));
                }
                keys.put(ROOT, rootPair.getPrivate(), rootCert);
                keys.put(ISSUING, issuingPair.getPrivate(), issuingCert, rootCert);
                keys.save();
            });
            log.info("Created Kyso's certificate authority: {} under {}, keys in {}", issuingCert.getSubjectX500Principal(),
                    rootCert.getSubjectX500Principal(), keys.location());
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance created the certificate authority first; loading it");
            keys = openKeys();
        }
    }

    private void load() {
        rootRecord = cas.findByName(ROOT).orElseThrow();
        issuingRecord = cas.findByName(ISSUING).orElseThrow();
        if (!keys.has(ISSUING) || !keys.has(ROOT)) {
            throw new IllegalStateException("The database names Kyso's CA, but its keys are not in " + keys.location()
                    + ". Every Kyso instance needs the same key store (and KYSO_CA_KEYSTORE_PASSWORD).");
        }
        root = rootRecord.x509();
        issuing = issuingRecord.x509();
        if (!keys.certificate(ISSUING).equals(issuing) || !keys.certificate(ROOT).equals(root)) {
            throw new IllegalStateException("The CA keys in " + keys.location() + " belong to another CA than the "
                    + "database's. Refusing to sign with it.");
        }
        rootKey = keys.key(ROOT);
        issuingKey = keys.key(ISSUING);
    }

    /** The OCSP signer is short-lived (it carries id-pkix-ocsp-nocheck) and renewed before it runs out. */
    private synchronized void ensureOcspSigner() {
        Instant now = clock.instant();
        if (ocspSigner != null) {
            // another instance sharing the key store may have renewed it already
            keys = openKeys();
        }
        if (keys.has(OCSP)) {
            X509Certificate cert = keys.certificate(OCSP);
            if (cert.getNotAfter().toInstant().isAfter(now.plus(OCSP_SIGNER_RENEW_BEFORE))
                    && cert.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
                ocspSigner = new OcspSigner(keys.key(OCSP), cert);
                return;
            }
        }
        KeyPair pair = keys.generate(OCSP, "secp256r1");
        X500Name subject = name(properties.ca().organization(), properties.ca().organization() + " OCSP Responder");
        Instant notAfter = min(now.plus(OCSP_SIGNER_LIFETIME), issuing.getNotAfter().toInstant());
        X509Certificate cert = sign(builder(subject, pair.getPublic(), issuing, now, notAfter, Pki.randomSerial()),
                ext -> {
                    ext.add(Extension.basicConstraints, true, new BasicConstraints(false));
                    ext.add(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    ext.add(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    ext.add(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                }, issuingKey, "SHA256withECDSA");
        keys.put(OCSP, pair.getPrivate(), cert, issuing, root);
        keys.save();
        ocspSigner = new OcspSigner(pair.getPrivate(), cert);
        log.info("Issued a new OCSP signing certificate, valid until {}", notAfter);
    }

    public OcspSigner ocspSigner() {
        if (ocspSigner.certificate().getNotAfter().toInstant().isBefore(clock.instant().plus(OCSP_SIGNER_RENEW_BEFORE))) {
            ensureOcspSigner();
        }
        return ocspSigner;
    }

    public CaRecord issuingRecord() {
        return issuingRecord;
    }

    public CaRecord rootRecord() {
        return rootRecord;
    }

    public X509Certificate issuingCertificate() {
        return issuing;
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    /** The key that signs for the named built-in CA: its certificates' CRLs. */
    public ContentSigner signerFor(String caName) {
        return switch (caName) {
            case ROOT -> signer(rootKey, "SHA384withECDSA", keys.bulkSigningProvider());
            case ISSUING -> signer(issuingKey, "SHA256withECDSA", keys.bulkSigningProvider());
            default -> throw new IllegalArgumentException("Not a built-in CA: " + caName);
        };
    }

    /** Signs a subscriber certificate with the issuing CA. */
    public X509Certificate issue(CertificateSpec spec) {
        X509v3CertificateBuilder builder = builder(spec.subject(), spec.publicKey(), issuing, spec.notBefore(),
                spec.notAfter(), spec.serial());
        return sign(builder, ext -> {
            ext.add(Extension.basicConstraints, true, new BasicConstraints(false));
            ext.add(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
            if (!spec.extendedKeyUsages().isEmpty()) {
                ext.add(Extension.extendedKeyUsage, spec.extendedKeyUsageCritical(),
                        new ExtendedKeyUsage(spec.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            if (spec.email() != null) {
                ext.add(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, spec.email())));
            }
            ext.add(Extension.cRLDistributionPoints, false, distributionPoint(ISSUING));
            ext.add(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp, uri("/ocsp")),
                new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers, uri("/ca/" + ISSUING + ".crt"))}));
        }, issuingKey, "SHA256withECDSA");
    }

    private X509Certificate caCertificate(X500Name subject, PublicKey key, X500Name issuerName, PrivateKey issuerKey,
            X509Certificate issuerCert, Instant notBefore, Instant notAfter, int pathLength, String algorithm,
            String issuerCaName) {
        X509v3CertificateBuilder builder = issuerCert == null
                ? new JcaX509v3CertificateBuilder(issuerName, Pki.randomSerial(), Date.from(notBefore),
                        Date.from(notAfter), subject, key)
                : builder(subject, key, issuerCert, notBefore, notAfter, Pki.randomSerial());
        return sign(builder, ext -> {
            ext.add(Extension.basicConstraints, true,
                    pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            ext.add(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            if (issuerCert == null) {
                ext.add(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(key));
            }
            if (issuerCaName != null) {
                ext.add(Extension.cRLDistributionPoints, false, distributionPoint(issuerCaName));
                ext.add(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        X509ObjectIdentifiers.id_ad_caIssuers, uri("/ca/" + issuerCaName + ".crt")));
            }
        }, issuerKey, algorithm);
    }

    private X509v3CertificateBuilder builder(X500Name subject, PublicKey key, X509Certificate issuer, Instant notBefore,
            Instant notAfter, BigInteger serial) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subject, key);
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(issuer));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add key identifiers", e);
        }
        return builder;
    }

    @FunctionalInterface
    private interface Extensions {
        void add(Adder adder) throws Exception;
    }

    @FunctionalInterface
    private interface Adder {
        void add(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                org.bouncycastle.asn1.ASN1Encodable value) throws Exception;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, Extensions extensions, PrivateKey key,
            String algorithm) {
        try {
            extensions.add(builder::addExtension);
            return new JcaX509CertificateConverter().setProvider(Pki.BC)
                    .getCertificate(builder.build(signer(key, algorithm)));
        } catch (Exception e) {
            throw new IllegalStateException("Signing failed: " + e.getMessage(), e);
        }
    }

    /** The OCSP signer's content signer, through the provider that holds its key. */
    public ContentSigner ocspContentSigner() {
        return signer(ocspSigner().key(), "SHA256withECDSA");
    }

    private ContentSigner signer(PrivateKey key, String algorithm) {
        return signer(key, algorithm, keys.provider());
    }

    private ContentSigner signer(PrivateKey key, String algorithm, Provider provider) {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(provider).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + algorithm, e);
        }
    }

    private CRLDistPoint distributionPoint(String caName) {
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(
                new DistributionPointName(new GeneralNames(uri("/crl/" + caName + ".crl"))), null, null)});
    }

    private GeneralName uri(String path) {
        String base = properties.ca().publicUrl().replaceAll("/+$", "");
        return new GeneralName(GeneralName.uniformResourceIdentifier, base + path);
    }

    private static X500Name name(String organization, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static CaRecord record(String name, X509Certificate cert, Long parentId, Instant now) {
        CaRecord row = new CaRecord();
        row.name = name;
        row.kind = CaKind.BUILT_IN;
        row.subjectDn = cert.getSubjectX500Principal().getName();
        row.keyHash = Pki.keyHash(cert.getPublicKey());
        row.certificate = Pki.encoded(cert);
        row.parentId = parentId;
        row.createdAt = now;
        return row;
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
