package vn.kyso.verify.path;

import java.util.Set;

/**
 * RFC 5280 section 6.1.1 inputs and what the target certificate is used for.
 * An empty {@code initialPolicies} means anyPolicy.
 */
public record PathOptions(
        Set<String> initialPolicies,
        boolean explicitPolicy,
        boolean policyMappingInhibited,
        boolean anyPolicyInhibited,
        boolean checkRevocation,
        Usage usage) {

    /** What the target is checked for, beyond RFC 5280 path processing. */
    public enum Usage {
        /** Anything: plain RFC 5280 path validation (PKITS). */
        ANY,
        /** A document signer: keyUsage, when present, must allow digitalSignature or nonRepudiation. */
        SIGNER,
        /** A time-stamping authority: the only extended key usage is id-kp-timeStamping, marked critical. */
        TIMESTAMPING
    }

    public static PathOptions signer() {
        return new PathOptions(Set.of(), false, false, false, true, Usage.SIGNER);
    }

    public static PathOptions timestamping() {
        return new PathOptions(Set.of(), false, false, false, true, Usage.TIMESTAMPING);
    }
}
