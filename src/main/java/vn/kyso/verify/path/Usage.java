package vn.kyso.verify.path;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.Extension;

/** What the target certificate is used for, beyond RFC 5280 path processing. */
final class Usage {

    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    private Usage() {
    }

    static boolean allows(X509Certificate target, PathOptions.Usage usage) {
        return switch (usage == null ? PathOptions.Usage.ANY : usage) {
            case ANY -> true;
            case SIGNER -> {
                boolean[] keyUsage = target.getKeyUsage();
                yield keyUsage == null || keyUsage[0] || keyUsage.length > 1 && keyUsage[1];
            }
            case TIMESTAMPING -> timestamping(target);
        };
    }

    // RFC 3161 2.3: the TSA's certificate carries exactly one EKU, id-kp-timeStamping, and marks it critical.
    private static boolean timestamping(X509Certificate target) {
        Set<String> critical = target.getCriticalExtensionOIDs();
        if (critical == null || !critical.contains(Extension.extendedKeyUsage.getId())) {
            return false;
        }
        try {
            List<String> purposes = target.getExtendedKeyUsage();
            return purposes != null && purposes.equals(List.of(TIME_STAMPING));
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
