package vn.kyso.support;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import vn.kyso.ca.Pki;

/** Keys, requests and a stand-in for an outside CA, made with Bouncy Castle for the tests. */
public final class TestPki {

    private TestPki() {
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Pki.BC);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csr(KeyPair keys) {
        return csr(keys, keys.getPrivate());
    }

    /** A request for {@code keys}' public key, signed with {@code signingKey}: another key makes it a forgery. */
    public static String csr(KeyPair keys, PrivateKey signingKey) {
        try {
            var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), keys.getPublic());
            String algorithm = signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            var request = builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Pki.BC).build(signingKey));
            return pem(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OCSP request (SHA-1 CertID) about one serial of {@code issuer}, with a nonce extension when one is given. */
    public static byte[] ocspRequest(X509Certificate issuer, java.math.BigInteger serial, byte[] nonce) {
        try {
            var digests = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
            var builder = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(new org.bouncycastle.cert.ocsp.CertificateID(
                    digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
                    new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer), serial));
            if (nonce != null) {
                builder.setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(new org.bouncycastle.asn1.x509.Extension(
                        org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new org.bouncycastle.asn1.DEROctetString(new org.bouncycastle.asn1.DEROctetString(nonce).getEncoded()))));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks Kyso's OCSP responder (POST) about a serial of its issuing CA; "good", "revoked:<reason>" or "unknown". */
    public static String ocsp(Api api, X509Certificate issuer, java.math.BigInteger serial) {
        try {
            var response = api.exchange("/ocsp", "application/ocsp-request", ocspRequest(issuer, serial, null));
            var ocsp = new org.bouncycastle.cert.ocsp.OCSPResp(response.body());
            var basic = (org.bouncycastle.cert.ocsp.BasicOCSPResp) ocsp.getResponseObject();
            var status = basic.getResponses()[0].getCertStatus();
            if (status == null) {
                return "good";
            }
            if (status instanceof org.bouncycastle.cert.ocsp.RevokedStatus revoked) {
                return "revoked:" + (revoked.hasRevocationReason() ? revoked.getRevocationReason() : -1);
            }
            return "unknown";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object object) {
        try {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(object);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A government-style CA pair: a root and an issuing CA below it, with Vietnamese names. */
    public static final class OutsideCa {
        public final KeyPair rootKeys = rsa(2048);
        public final KeyPair caKeys = rsa(2048);
        public final X509Certificate root;
        public final X509Certificate ca;
        private long crlNumber = 1;

        public OutsideCa(String suffix) {
            Instant from = Instant.parse("2018-01-01T00:00:00Z");
            Instant to = Instant.parse("2048-01-01T00:00:00Z");
            X500Name rootName = name("RootCA chuyên dùng thử nghiệm " + suffix);
            root = certificate(rootName, rootKeys, rootName, rootKeys.getPrivate(), null, from, to, true);
            ca = certificate(name("CA phục vụ các cơ quan thử nghiệm " + suffix), caKeys, rootName,
                    rootKeys.getPrivate(), root, from, to, true);
        }

        private static X500Name name(String cn) {
            return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.O, "Ban Cơ yếu Chính phủ").addRDN(BCStyle.CN, cn).build();
        }

        public X509Certificate issue(String commonName, String email, Instant from, Instant to) {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.L, "Lâm Đồng").addRDN(BCStyle.O, "Sở Y tế").addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.EmailAddress, email).build();
            return certificate(subject, rsa(2048), X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    caKeys.getPrivate(), ca, from, to, false);
        }

        /** A full CRL of the issuing CA listing {@code serials} as key compromises. */
        public X509CRL crl(List<BigInteger> serials) {
            return crl(serials, caKeys.getPrivate());
        }

        public X509CRL crl(List<BigInteger> serials, PrivateKey signingKey) {
            return crl(serials, signingKey, CRLReason.keyCompromise, false);
        }

        /** A full CRL of the issuing CA listing {@code serials} on hold. */
        public X509CRL crlOnHold(List<BigInteger> serials) {
            return crl(serials, caKeys.getPrivate(), CRLReason.certificateHold, false);
        }

        /** A CRL for end-entity certificates only (an issuing distribution point), listing {@code serials}. */
        public X509CRL crlOfUsersOnly(List<BigInteger> serials) {
            return crl(serials, caKeys.getPrivate(), CRLReason.keyCompromise, true);
        }

        private X509CRL crl(List<BigInteger> serials, PrivateKey signingKey, int reason, boolean usersOnly) {
            try {
                Date now = new Date();
                var builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), now);
                builder.setNextUpdate(new Date(now.getTime() + 86_400_000L));
                for (BigInteger serial : serials) {
                    ExtensionsGenerator extensions = new ExtensionsGenerator();
                    extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason));
                    builder.addCRLEntry(serial, new Date(now.getTime() - 3_600_000L), extensions.generate());
                }
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber++)));
                if (usersOnly) {
                    builder.addExtension(Extension.issuingDistributionPoint, true,
                            new org.bouncycastle.asn1.x509.IssuingDistributionPoint(null, true, false, null, false, false));
                }
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
                return new JcaX509CRLConverter().setProvider(Pki.BC).getCRL(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(Pki.BC).build(signingKey)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
            X509Certificate issuerCert, Instant from, Instant to, boolean ca) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, Pki.randomSerial(),
                    Date.from(from), Date.from(to), subject, keys.getPublic());
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuerCert != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
            }
            builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(true) : new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(Pki.BC).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
