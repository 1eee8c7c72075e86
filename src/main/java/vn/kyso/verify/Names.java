package vn.kyso.verify;

import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Names of certificates as people read them. */
final class Names {

    private Names() {
    }

    static String commonName(X509Certificate c) {
        if (c == null) {
            return "?";
        }
        X500Name name = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            return dn(c);
        }
        return IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** The subject in RFC 4514 form with the UTF-8 text kept as text, not escaped into hex. */
    static String dn(X509Certificate c) {
        return X500Name.getInstance(BCStyle.INSTANCE, c.getSubjectX500Principal().getEncoded()).toString();
    }

    static String issuerDn(X509Certificate c) {
        return X500Name.getInstance(BCStyle.INSTANCE, c.getIssuerX500Principal().getEncoded()).toString();
    }
}
