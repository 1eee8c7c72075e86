package vn.kyso.imports;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

import vn.kyso.ca.CertificateAuthorities;

/**
 * Whether each certificate chains to a trust anchor, as {@link CertificateAuthorities#chainToAnchor}
 * decides it, as of the certificate's own notBefore (so expired ones can be recorded, as the
 * single import does). Thousands of certificates from one CA share a path: the first certificate
 * of an issuer is checked by the full path builder, and the others are checked against that path:
 * their signature by the issuer's key, the path's certificates valid at their own time. Anything
 * the shortcut would not judge the same way (a critical extension it does not know, name
 * constraints on the path, a path invalid at that time) goes to the full builder again.
 */
final class IssuerTrust {

    /** Critical extensions the path builder knows and the shortcut may leave to it having passed once. */
    private static final Set<String> KNOWN_CRITICAL = Set.of(
            Extension.keyUsage.getId(), Extension.basicConstraints.getId(), Extension.extendedKeyUsage.getId(),
            Extension.subjectAlternativeName.getId(), Extension.certificatePolicies.getId());

    private final CertificateAuthorities authorities;
    private final List<X509Certificate> intermediates;
    private final Map<String, CertificateAuthorities.IssuerPath> paths = new HashMap<>();

    IssuerTrust(CertificateAuthorities authorities, List<X509Certificate> intermediates) {
        this.authorities = authorities;
        this.intermediates = intermediates;
    }

    /** The path above {@code leaf}; IllegalArgumentException with the reason when there is none. */
    CertificateAuthorities.IssuerPath check(X509Certificate leaf) {
        Instant at = leaf.getNotBefore().toInstant().plusSeconds(1);
        String key = issuerKey(leaf);
        CertificateAuthorities.IssuerPath known = paths.get(key);
        if (known != null && sameJudgement(leaf, known, at)) {
            return known;
        }
        CertificateAuthorities.IssuerPath path = authorities.chainToAnchor(leaf, intermediates, at);
        if (path.above().stream().noneMatch(c -> c.getExtensionValue(Extension.nameConstraints.getId()) != null)) {
            paths.put(key, path);
        }
        return path;
    }

    private static boolean sameJudgement(X509Certificate leaf, CertificateAuthorities.IssuerPath path, Instant at) {
        Set<String> critical = leaf.getCriticalExtensionOIDs();
        if (critical != null && !KNOWN_CRITICAL.containsAll(critical)) {
            return false;
        }
        try {
            leaf.checkValidity(Date.from(at));
            leaf.verify(path.issuer().getPublicKey());
            // the anchor itself is trusted as configured; the certificates between must be valid then
            for (int i = 0; i < path.above().size() - 1; i++) {
                path.above().get(i).checkValidity(Date.from(at));
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The issuer's name and, when given, its key identifier: certificates of one CA key share it. */
    private static String issuerKey(X509Certificate leaf) {
        String aki = "";
        byte[] extension = leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (extension != null) {
            byte[] id = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                    .getKeyIdentifierOctets();
            aki = id == null ? "" : HexFormat.of().formatHex(id);
        }
        return leaf.getIssuerX500Principal().getName() + "|" + aki;
    }
}
