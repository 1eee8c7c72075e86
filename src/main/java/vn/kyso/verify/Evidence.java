package vn.kyso.verify;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import vn.kyso.ca.ParsedCertificates;
import vn.kyso.ca.Pki;

/**
 * Certificates and revocation data a document carries (CMS certificate and CRL bags, OCSP
 * responses, Adobe's revocation archival attribute, a PDF's DSS). Untrusted: it can only help
 * build a path to a trusted anchor and prove status with data signed by the right issuer.
 */
final class Evidence {

    /** Adobe's adbe-revocationInfoArchival signed attribute. */
    static final ASN1ObjectIdentifier ADOBE_REVOCATION = new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");
    private static final ASN1ObjectIdentifier OCSP_RESPONSE_RI = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.16.2");

    final Set<X509Certificate> certificates = new LinkedHashSet<>();
    final List<X509CRL> crls = new ArrayList<>();
    final List<BasicOCSPResp> ocsp = new ArrayList<>();

    void addCms(CMSSignedData data) {
        certificates.addAll(CmsReader.certificates(data));
        try {
            for (X509CRLHolder holder : data.getCRLs().getMatches(null)) {
                addCrl(holder);
            }
        } catch (RuntimeException ignored) {
            // a damaged CRL bag proves nothing
        }
        try {
            for (Object o : data.getOtherRevocationInfo(OCSP_RESPONSE_RI).getMatches(null)) {
                addOcsp(OCSPResponse.getInstance(o));
            }
            for (Object o : data.getOtherRevocationInfo(OCSPObjectIdentifiers.id_pkix_ocsp_response).getMatches(null)) {
                addOcsp(OCSPResponse.getInstance(o));
            }
        } catch (RuntimeException ignored) {
            // malformed revocation info proves nothing; the signature is judged without it
        }
        for (SignerInformation si : data.getSignerInfos()) {
            addAdobeArchival(si.getSignedAttributes());
        }
    }

    private void addAdobeArchival(AttributeTable signed) {
        if (signed == null) {
            return;
        }
        try {
            Attribute a = signed.get(ADOBE_REVOCATION);
            if (a == null) {
                return;
            }
            for (ASN1Encodable e : ASN1Sequence.getInstance(a.getAttrValues().getObjectAt(0))) {
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(e);
                ASN1Sequence values = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
                for (ASN1Encodable v : values) {
                    if (tagged.getTagNo() == 0) {
                        addCrl(new X509CRLHolder(org.bouncycastle.asn1.x509.CertificateList.getInstance(v)));
                    } else if (tagged.getTagNo() == 1) {
                        addOcsp(OCSPResponse.getInstance(v));
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // as above
        }
    }

    void addDss(List<byte[]> certs, List<byte[]> crlDer, List<byte[]> ocspDer) {
        for (byte[] der : certs) {
            try {
                certificates.add(ParsedCertificates.of(der));
            } catch (RuntimeException ignored) {
                // an unreadable DSS entry is simply not evidence
            }
        }
        for (byte[] der : crlDer) {
            try {
                addCrl(new X509CRLHolder(der));
            } catch (Exception ignored) {
                // as above
            }
        }
        for (byte[] der : ocspDer) {
            try {
                addOcsp(OCSPResponse.getInstance(der));
            } catch (RuntimeException ignored) {
                // as above
            }
        }
    }

    private void addCrl(X509CRLHolder holder) {
        try {
            crls.add(new JcaX509CRLConverter().setProvider(Pki.BC).getCRL(holder));
        } catch (Exception ignored) {
            // as above
        }
    }

    private void addOcsp(OCSPResponse response) {
        try {
            Object basic = new OCSPResp(response).getResponseObject();
            if (basic instanceof BasicOCSPResp b) {
                ocsp.add(b);
            }
        } catch (Exception ignored) {
            // as above
        }
    }
}
