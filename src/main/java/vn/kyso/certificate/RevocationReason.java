package vn.kyso.certificate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** RFC 5280 5.3.1 reason codes, written by their RFC names in the API. */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    KEY_COMPROMISE(1, "keyCompromise"),
    CA_COMPROMISE(2, "cACompromise"),
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    SUPERSEDED(4, "superseded"),
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    CERTIFICATE_HOLD(6, "certificateHold"),
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    AA_COMPROMISE(10, "aACompromise");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    public int code() {
        return code;
    }

    @JsonValue
    public String rfcName() {
        return rfcName;
    }

    @JsonCreator
    public static RevocationReason fromRfcName(String name) {
        for (RevocationReason r : values()) {
            if (r.rfcName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown revocation reason: " + name);
    }

    public static RevocationReason fromCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return UNSPECIFIED;
    }
}
