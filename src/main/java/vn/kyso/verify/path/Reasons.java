package vn.kyso.verify.path;

/** RFC 5280 5.3.1 reason codes by their RFC names, as CertStatus carries them. */
final class Reasons {

    private static final String[] NAMES = {"unspecified", "keyCompromise", "cACompromise", "affiliationChanged",
        "superseded", "cessationOfOperation", "certificateHold", null, "removeFromCRL", "privilegeWithdrawn",
        "aACompromise"};

    private Reasons() {
    }

    static String name(int code) {
        return code >= 0 && code < NAMES.length && NAMES[code] != null ? NAMES[code] : "unspecified";
    }
}
