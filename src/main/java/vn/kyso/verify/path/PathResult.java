package vn.kyso.verify.path;

import java.security.cert.X509Certificate;
import java.util.List;

import vn.kyso.common.Bilingual;
import vn.kyso.verify.SubIndication;

/**
 * The facts of validating one certificate: whether a path to a trust anchor was built and
 * holds, the path itself (target first, the anchor's certificate last; empty when none was
 * built), and the revocation status of each certificate on it but the anchor.
 * {@code subIndication} is null exactly when {@code outcome} is VALID. {@code explanation}
 * says what was found and, when it failed, what a person can do about it.
 */
public record PathResult(
        Outcome outcome,
        SubIndication subIndication,
        List<X509Certificate> chain,
        List<CertStatus> statuses,
        Bilingual explanation) {

    public enum Outcome { VALID, INVALID, INDETERMINATE }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
