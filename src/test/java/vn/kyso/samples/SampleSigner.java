package vn.kyso.samples;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.Pki;

/**
 * CAdES-style CMS signatures with a sample key: SHA-256, signed attributes contentType,
 * messageDigest, signingTime and ESS signingCertificateV2, the signer and issuing CA certificates
 * included, and optionally a signature timestamp.
 */
public final class SampleSigner {

    private SampleSigner() {
    }

    /**
     * {@code signingTime} null leaves the attribute out, as PAdES requires (the claimed time is the
     * signature dictionary's /M there); Bouncy Castle would otherwise add the current time itself.
     */
    static CMSSignedData sign(SamplePki.Sample signer, X509Certificate issuing, byte[] content, boolean attached,
            Instant signingTime, SampleTsa tsa) {
        try {
            CMSSignedData data = sign(signer.keys().getPrivate(), Pki.certificate(signer.certificate().der()), issuing,
                    content, attached, signingTime);
            return tsa == null ? data : tsa.addSignatureTimestamps(data);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign with " + signer.name(), e);
        }
    }

    /** SHA-256 CMS with ESS signingCertificateV2, carrying the signer's and the issuing CA's certificates. */
    public static CMSSignedData sign(PrivateKey key, X509Certificate cert, X509Certificate issuing, byte[] content,
            boolean attached, Instant signingTime) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm(cert)).setProvider(Pki.BC).build(key);

            ASN1EncodableVector attributes = new ASN1EncodableVector();
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber());
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2(Pki.digest("SHA-256", cert.getEncoded()), issuerSerial)))));
            if (signingTime != null) {
                // UTCTime in seconds (RFC 5652 11.3): a verifier sees the time truncated, never later
                attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            }
            AttributeTable table = new AttributeTable(attributes);
            CMSAttributeTableGenerator signed = parameters -> {
                AttributeTable all = new DefaultSignedAttributeTableGenerator(table).getAttributes(parameters);
                return signingTime == null ? all.remove(CMSAttributes.signingTime) : all;
            };

            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build())
                    .setSignedAttributeGenerator(signed).build(contentSigner, cert));
            generator.addCertificates(new JcaCertStore(List.of(cert, issuing)));
            return generator.generate(new CMSProcessableByteArray(content), attached);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign with " + cert.getSubjectX500Principal(), e);
        }
    }

    static String algorithm(X509Certificate cert) {
        return cert.getPublicKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }
}
