package vn.kyso.web;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.Pki;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/**
 * A dispatch signed with a certificate the running Kyso issued, so a fresh Kyso trusts it (the
 * samples in pki-samples/ are signed by a CA it does not). Signed as VerificationApi does.
 */
record SignedSample(String signerName, String agencyName, byte[] valid, byte[] tampered) {

    static final String CONTENT = "Công văn số 45/UBND-VP về việc triển khai chữ ký số chuyên dùng công vụ.";

    static SignedSample issue(KysoApi kyso, String signerName, String agencyName) {
        String agency = kyso.newAgency(agencyName);
        var person = kyso.newIndividual(agency, signerName);
        KeyPair keys = TestPki.ec("secp256r1");
        var issued = kyso.admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(), "csr", TestPki.csr(keys)));
        if (issued.status() != 201) {
            throw new AssertionError("Could not issue: " + issued);
        }
        var der = kyso.admin().getBytes("/api/v1/certificates/" + issued.text("serialNumber"), "application/pkix-cert");
        X509Certificate certificate = Pki.certificates(der.body()).get(0);
        X509Certificate issuing = Pki.certificates(kyso.api().getBytes("/ca/kyso.crt", null).body()).get(0);
        byte[] signed = sign(keys, certificate, issuing, CONTENT.getBytes(StandardCharsets.UTF_8));
        byte[] tampered = signed.clone();
        tampered[new String(signed, StandardCharsets.ISO_8859_1).indexOf("45/UBND")] = '9';
        return new SignedSample(signerName, agencyName, signed, tampered);
    }

    private static byte[] sign(KeyPair keys, X509Certificate certificate, X509Certificate issuing, byte[] content) {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2[] {
                            new ESSCertIDv2(Pki.digest("SHA-256", certificate.getEncoded()))}))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(keys.getPrivate()),
                            certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate, issuing)));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
