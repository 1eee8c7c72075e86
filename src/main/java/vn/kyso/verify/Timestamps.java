package vn.kyso.verify;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import vn.kyso.ca.Pki;
import vn.kyso.verify.path.PathInput;
import vn.kyso.verify.path.PathOptions;
import vn.kyso.verify.path.PathResult;
import vn.kyso.verify.path.PathValidator;

/**
 * RFC 3161 timestamps: a signature timestamp in a SignerInfo's unsigned attributes, or a PDF
 * document timestamp. A token counts as proof of existence only when its imprint is the hash of
 * what it claims to cover, its own signature verifies, and its TSA chains to a trusted anchor
 * with the critical timeStamping purpose.
 */
final class Timestamps {

    private Timestamps() {
    }

    static List<TimestampFacts> ofSignature(SignerInformation si, TrustContext trust, Evidence evidence,
            PathValidator paths) {
        List<TimestampFacts> out = new ArrayList<>();
        AttributeTable unsigned = si.getUnsignedAttributes();
        if (unsigned == null) {
            return out;
        }
        var all = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        for (int i = 0; i < all.size(); i++) {
            for (ASN1Encodable value : Attribute.getInstance(all.get(i)).getAttrValues()) {
                out.add(read(CmsReader.encoded(value), si.getSignature(), trust, evidence, paths));
            }
        }
        return out;
    }

    /** Reads a token over {@code covered} (the signature value, or a document's signed bytes). */
    static TimestampFacts read(byte[] tokenDer, byte[] covered, TrustContext trust, Evidence evidence,
            PathValidator paths) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenDer));
        } catch (Exception | Error e) {
            return new TimestampFacts(null, false, false, null, null, "the timestamp token cannot be read");
        }
        var info = token.getTimeStampInfo();
        byte[] expected = CmsReader.digest(info.getHashAlgorithm(), covered);
        boolean imprint = expected != null && MessageDigest.isEqual(expected, info.getMessageImprintDigest());
        X509Certificate tsa = tsaCertificate(token, trust);
        if (tsa == null) {
            return new TimestampFacts(info.getGenTime().toInstant(), imprint, false, null, null,
                    "the timestamp authority's certificate is not in the token");
        }
        boolean signatureValid;
        String error = null;
        try {
            // validate() also checks the ESS certificate reference and the TSA certificate's purpose
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.BC).build(tsa));
            signatureValid = true;
        } catch (Exception e) {
            signatureValid = false;
            error = "the timestamp does not verify: " + e.getMessage();
        }
        Collection<X509Certificate> untrusted = new ArrayList<>(evidence.certificates);
        untrusted.addAll(CmsReader.certificates(token.toCMSSignedData()));
        untrusted.addAll(trust.intermediates());
        PathResult path = paths.validate(new PathInput(tsa, untrusted, trust.anchors(), allCrls(trust, evidence),
                evidence.ocsp, info.getGenTime().toInstant(), PathOptions.timestamping()));
        return new TimestampFacts(info.getGenTime().toInstant(), imprint, signatureValid, tsa, path, error);
    }

    static List<java.security.cert.X509CRL> allCrls(TrustContext trust, Evidence evidence) {
        List<java.security.cert.X509CRL> crls = new ArrayList<>(evidence.crls);
        crls.addAll(trust.crls());
        return crls;
    }

    private static X509Certificate tsaCertificate(TimeStampToken token, TrustContext trust) {
        try {
            @SuppressWarnings("unchecked")
            var matches = token.getCertificates().getMatches(token.getSID());
            for (Object o : matches) {
                return new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate((X509CertificateHolder) o);
            }
            var sid = token.getSID();
            if (sid.getIssuer() != null && sid.getSerialNumber() != null) {
                var known = trust.known().find(sid.getIssuer(), sid.getSerialNumber());
                return known.isEmpty() ? null : known.get(0);
            }
        } catch (Exception ignored) {
            // fall through: no usable certificate
        }
        return null;
    }
}
