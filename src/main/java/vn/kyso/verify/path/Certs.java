package vn.kyso.verify.path;

import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import vn.kyso.ca.Pki;

/** Small certificate facts the validator and its messages need. */
public final class Certs {

    // Clerks read local time; the example reports in the brief are in Vietnam's time zone.
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private Certs() {
    }

    static String time(Instant instant) {
        return instant == null ? "?" : TIME.format(instant);
    }

    /** The common name a person recognises, or the whole name when there is none. */
    static String name(X500Principal principal) {
        if (principal == null) {
            return "?";
        }
        X500Name name;
        try {
            name = X500Name.getInstance(principal.getEncoded());
        } catch (RuntimeException e) {
            return "(tên không đọc được / unreadable name)";
        }
        RDN[] cns = name.getRDNs(BCStyle.CN);
        if (cns.length > 0) {
            return IETFUtils.valueToString(cns[cns.length - 1].getFirst().getValue());
        }
        String all = principal.getName();
        return all.isEmpty() ? "(không tên / no name)" : all;
    }

    static String name(X509Certificate certificate) {
        try {
            return name(certificate.getSubjectX500Principal());
        } catch (RuntimeException e) {
            return "(tên không đọc được / unreadable name)"; // a damaged certificate still needs a sentence
        }
    }

    static X500Principal subject(TrustAnchor anchor) {
        return anchor.getTrustedCert() != null ? anchor.getTrustedCert().getSubjectX500Principal() : anchor.getCA();
    }

    static PublicKey key(TrustAnchor anchor) {
        return anchor.getTrustedCert() != null ? anchor.getTrustedCert().getPublicKey() : anchor.getCAPublicKey();
    }

    static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    /** A DSA key without parameters inherits them from its issuer's key (RFC 5280 6.1.4 (j)(k)). */
    public static PublicKey workingKey(PublicKey key, PublicKey issuerKey) {
        if (key instanceof java.security.interfaces.DSAPublicKey dsa && dsa.getParams() == null
                && issuerKey instanceof java.security.interfaces.DSAPublicKey parent && parent.getParams() != null) {
            try {
                var params = parent.getParams();
                return java.security.KeyFactory.getInstance("DSA", Pki.BC).generatePublic(
                        new java.security.spec.DSAPublicKeySpec(dsa.getY(), params.getP(), params.getQ(), params.getG()));
            } catch (java.security.GeneralSecurityException e) {
                return key;
            }
        }
        return key;
    }

    static boolean verifies(X509Certificate certificate, PublicKey key) {
        try {
            return VerifiedSignatures.verified(certificate.getEncoded(), key, () -> {
                try {
                    certificate.verify(key, Pki.BC);
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Whether {@code parent} may have issued {@code child}: names chain, and key identifiers, when
     * both are present, agree. Signatures are checked later so a broken one can be reported as such.
     */
    static boolean mayIssue(X509Certificate child, X500Principal parentName, PublicKey parentKey,
            X509Certificate parent) {
        if (!child.getIssuerX500Principal().equals(parentName)) {
            return false;
        }
        byte[] aki = keyIdentifier(child.getExtensionValue(Extension.authorityKeyIdentifier.getId()), true);
        if (aki == null) {
            return true;
        }
        byte[] ski = parent != null ? keyIdentifier(parent.getExtensionValue(Extension.subjectKeyIdentifier.getId()), false)
                : null;
        if (ski == null) {
            return true;
        }
        return java.util.Arrays.equals(aki, ski);
    }

    private static byte[] keyIdentifier(byte[] extension, boolean authority) {
        if (extension == null) {
            return null;
        }
        try {
            byte[] inner = ASN1OctetString.getInstance(extension).getOctets();
            return authority ? AuthorityKeyIdentifier.getInstance(inner).getKeyIdentifier()
                    : SubjectKeyIdentifier.getInstance(inner).getKeyIdentifier();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
