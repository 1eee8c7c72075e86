package vn.kyso.samples;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import vn.kyso.ca.Pki;

/** An RFC 3161 time-stamping authority in-process, with the sample TSA key Kyso's CA certified. */
final class SampleTsa {

    /** Under 2.999, the arc ITU-T X.660 reserves for examples: a sample TSA has no real policy. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.3161.1");

    private final TimeStampTokenGenerator generator;
    private final Clock clock;

    SampleTsa(SamplePki.Sample tsa, X509Certificate issuing, Clock clock) {
        this.clock = clock;
        try {
            X509Certificate cert = Pki.certificate(tsa.certificate().der());
            // Bouncy Castle refuses a certificate without the critical, sole timeStamping EKU here
            generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Pki.BC)
                    .build(SampleSigner.algorithm(cert), tsa.keys().getPrivate(), cert),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            generator.addCertificates(new JcaCertStore(List.of(cert, issuing)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the sample TSA", e);
        }
    }

    TimeStampToken stamp(byte[] data) {
        try {
            TimeStampRequestGenerator request = new TimeStampRequestGenerator();
            request.setCertReq(true);
            TimeStampRequest sha256 = request.generate(TSPAlgorithms.SHA256, Pki.digest("SHA-256", data),
                    Pki.randomSerial());
            return generator.generate(sha256, Pki.randomSerial(), Date.from(clock.instant()));
        } catch (Exception e) {
            throw new IllegalStateException("The sample TSA failed", e);
        }
    }

    /** Each signer gets id-aa-signatureTimeStampToken over its signature value (RFC 3161 appendix A). */
    CMSSignedData addSignatureTimestamps(CMSSignedData data) {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation signer : data.getSignerInfos().getSigners()) {
            TimeStampToken token = stamp(signer.getSignature());
            AttributeTable unsigned = signer.getUnsignedAttributes() == null
                    ? new AttributeTable(new ASN1EncodableVector())
                    : signer.getUnsignedAttributes();
            unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    token.toCMSSignedData().toASN1Structure());
            stamped.add(SignerInformation.replaceUnsignedAttributes(signer, unsigned));
        }
        return CMSSignedData.replaceSigners(data, new SignerInformationStore(stamped));
    }
}
