package vn.kyso.verify;

import java.security.cert.X509Certificate;

import javax.security.auth.x500.X500Principal;

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
        try {
            return IETFUtils.valueToString(cn[0].getFirst().getValue());
        } catch (IllegalArgumentException e) {
            return dn(c);
        }
    }

    /** The subject in RFC 4514 form with the UTF-8 text kept as text, not escaped into hex. */
    static String dn(X509Certificate c) {
        return readable(c.getSubjectX500Principal());
    }

    static String issuerDn(X509Certificate c) {
        return readable(c.getIssuerX500Principal());
    }

    /**
     * A value that is not valid text in its declared string type (a UTF8String holding bytes that are
     * not UTF-8) cannot be written as text: the JDK's RFC 2253 form writes such a value in hex.
     */
    private static String readable(X500Principal name) {
        try {
            return X500Name.getInstance(BCStyle.INSTANCE, name.getEncoded()).toString();
        } catch (IllegalArgumentException e) {
            return name.getName();
        }
    }
}
