package vn.kyso.request;

import java.util.EnumSet;
import java.util.Set;

import vn.kyso.subscriber.SubscriberType;

/**
 * The certification requests of the government scheme, by their form. Each says what one row of
 * the form names and who may file it; the handover record (Mẫu 07) is a record, not a request.
 */
public enum RequestKind {
    /** Mẫu 01: new certificates for officials; a row names a registered subscriber (and an old serial, if any). */
    ISSUE_INDIVIDUAL("01", Row.SUBSCRIBER, SubscriberType.INDIVIDUAL, 3),
    /** Mẫu 02: an organisation's seal certificate. */
    ISSUE_ORGANIZATION("02", Row.SUBSCRIBER, SubscriberType.ORGANIZATION, 3),
    /** Mẫu 03: a device, service or software. */
    ISSUE_DEVICE("03", Row.SUBSCRIBER, SubscriberType.DEVICE, 3),
    /** Mẫu 04: renewal and/or change of information; a row names a certificate, which of the two, field and new value. */
    RENEWAL_OR_CHANGE("04", Row.CERTIFICATE_CHANGE, null, 3),
    /** Mẫu 05: revocation; a row names the certificate, its token, the case, an ID or tax code and who hands the token back. */
    REVOCATION("05", Row.REVOCATION, null, 3),
    /** Mẫu 06: restore a locked token; only the provider can, so it is sent, never approved here. No time is set. */
    TOKEN_RESTORE("06", Row.TOKEN, null, null);

    /** What a row of the form names. */
    public enum Row { SUBSCRIBER, CERTIFICATE_CHANGE, REVOCATION, TOKEN }

    /** Who filed it: the managing body, or for a revocation also the subscriber (confirmed by the body) or police/prosecutors in writing. */
    public enum FiledBy { MANAGING_BODY, SUBSCRIBER, AUTHORITY }

    /** Mẫu 04 asks which of the two. */
    public enum Change { RENEWAL, CHANGE_OF_INFORMATION, RENEWAL_AND_CHANGE }

    private final String form;
    private final Row row;
    private final SubscriberType subscriberType;
    private final Integer defaultDays;

    RequestKind(String form, Row row, SubscriberType subscriberType, Integer defaultDays) {
        this.form = form;
        this.row = row;
        this.subscriberType = subscriberType;
        this.defaultDays = defaultDays;
    }

    public String form() { return "Mẫu " + form; }
    public Row row() { return row; }
    /** For the issue forms, the type of subscriber each row must be. */
    public SubscriberType subscriberType() { return subscriberType; }
    public Integer defaultDays() { return defaultDays; }

    public Set<FiledBy> filers() {
        return this == REVOCATION ? EnumSet.allOf(FiledBy.class) : EnumSet.of(FiledBy.MANAGING_BODY);
    }
}
