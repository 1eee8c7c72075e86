package vn.kyso.request;

import static vn.kyso.request.RequestStatus.APPROVED;
import static vn.kyso.request.RequestStatus.CHECKED;
import static vn.kyso.request.RequestStatus.DONE;
import static vn.kyso.request.RequestStatus.RECEIVED;
import static vn.kyso.request.RequestStatus.REJECTED;
import static vn.kyso.request.RequestStatus.SENT_TO_PROVIDER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The path of a request, as one table: each transition, the statuses it may start from and the
 * one it leads to. {@link RequestService} enforces this table and nothing else; a transition not
 * allowed here answers 409 with the ones that are. Only registrars (and administrators) move a
 * request; the agency files it and watches.
 */
public enum RequestTransition {
    CHECK("check", EnumSet.of(RECEIVED), CHECKED),
    SEND("send", EnumSet.of(CHECKED), SENT_TO_PROVIDER),
    APPROVE("approve", EnumSet.of(CHECKED), APPROVED),
    COMPLETE("complete", EnumSet.of(SENT_TO_PROVIDER, APPROVED), DONE),
    REJECT("reject", EnumSet.of(RECEIVED, CHECKED, SENT_TO_PROVIDER, APPROVED), REJECTED);

    private final String slug;
    private final Set<RequestStatus> from;
    private final RequestStatus to;

    RequestTransition(String slug, Set<RequestStatus> from, RequestStatus to) {
        this.slug = slug;
        this.from = from;
        this.to = to;
    }

    public String slug() { return slug; }
    public Set<RequestStatus> from() { return from; }
    public RequestStatus to() { return to; }

    /** Only the provider restores a token: that request is sent, never approved for Kyso's CA. */
    public boolean allowed(RequestKind kind, RequestStatus status) {
        return from.contains(status) && !(this == APPROVE && kind == RequestKind.TOKEN_RESTORE);
    }

    public static Optional<RequestTransition> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    public static List<RequestTransition> allowedNow(RequestKind kind, RequestStatus status) {
        return Arrays.stream(values()).filter(t -> t.allowed(kind, status)).toList();
    }

    /** While these hold, certificates and tokens the work produced may be linked to the request. */
    public static final Set<RequestStatus> LINKABLE = EnumSet.of(CHECKED, SENT_TO_PROVIDER, APPROVED);
}
