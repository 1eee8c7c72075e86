package vn.kyso.token;

import static vn.kyso.token.TokenState.ALLOCATED;
import static vn.kyso.token.TokenState.DAMAGED;
import static vn.kyso.token.TokenState.IN_STOCK;
import static vn.kyso.token.TokenState.IN_USE;
import static vn.kyso.token.TokenState.LOCKED;
import static vn.kyso.token.TokenState.LOST;
import static vn.kyso.token.TokenState.RECOVERED;
import static vn.kyso.token.TokenState.RESTORE_REQUESTED;
import static vn.kyso.token.TokenState.RETIRED;
import static vn.kyso.token.TokenState.RETURNED_TO_PROVIDER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.kyso.certificate.RevocationCase;
import vn.kyso.security.Role;

/**
 * The token lifecycle, as one table: each action, the states it may start from, the state it
 * leads to, who may trigger it, what it needs, and what follows. {@link TokenService} enforces
 * this table and nothing else; an action not allowed here answers 409 with the allowed ones.
 * A lost or retired token has no way back to a person.
 */
public enum TokenAction {
    ALLOCATE("allocate", EnumSet.of(IN_STOCK), ALLOCATED, Needs.AGENCY, Custody.TO_AGENCY, null, registrars()),
    TAKE_BACK("take-back", EnumSet.of(ALLOCATED, RECOVERED), IN_STOCK, Needs.NOTHING, Custody.TO_STOCK, null, registrars()),
    HAND_OVER("hand-over", EnumSet.of(ALLOCATED, RECOVERED), IN_USE, Needs.SUBSCRIBER, Custody.TO_HOLDER, null, registrars()),
    REPORT_LOCKED("report-locked", EnumSet.of(IN_USE), LOCKED, Needs.NOTHING, Custody.SAME, null, agencyToo()),
    REQUEST_RESTORE("request-restore", EnumSet.of(LOCKED), RESTORE_REQUESTED, Needs.NOTHING, Custody.SAME, null, registrars()),
    UNLOCK("unlock", EnumSet.of(LOCKED, RESTORE_REQUESTED), IN_USE, Needs.NOTHING, Custody.SAME, null, registrars()),
    REPORT_LOST("report-lost", EnumSet.of(ALLOCATED, IN_USE, LOCKED, RESTORE_REQUESTED, RECOVERED), LOST, Needs.NOTHING,
            Custody.SAME, RevocationCase.TOKEN_LOST, agencyToo()),
    REPORT_DAMAGED("report-damaged", EnumSet.of(IN_STOCK, ALLOCATED, IN_USE, LOCKED, RESTORE_REQUESTED, RECOVERED),
            DAMAGED, Needs.NOTHING, Custody.SAME, RevocationCase.TOKEN_DAMAGED, agencyToo()),
    RETURN("return", EnumSet.of(IN_USE, LOCKED), RECOVERED, Needs.NOTHING, Custody.FROM_HOLDER, null, agencyToo()),
    RETURN_TO_PROVIDER("return-to-provider", EnumSet.of(IN_STOCK, RECOVERED, DAMAGED), RETURNED_TO_PROVIDER,
            Needs.NOTHING, Custody.TO_PROVIDER, null, registrars()),
    RETIRE("retire", EnumSet.of(RETURNED_TO_PROVIDER, DAMAGED, LOST), RETIRED, Needs.NOTHING, Custody.TO_PROVIDER, null,
            registrars());

    /** What the request must name. */
    public enum Needs { NOTHING, AGENCY, SUBSCRIBER }

    /** Where the token is afterwards. */
    public enum Custody {
        SAME, TO_AGENCY, TO_STOCK, TO_HOLDER, FROM_HOLDER, TO_PROVIDER
    }

    private final String slug;
    private final Set<TokenState> from;
    private final TokenState to;
    private final Needs needs;
    private final Custody custody;
    private final RevocationCase revokes;
    private final Set<Role> roles;

    TokenAction(String slug, Set<TokenState> from, TokenState to, Needs needs, Custody custody, RevocationCase revokes,
            Set<Role> roles) {
        this.slug = slug;
        this.from = from;
        this.to = to;
        this.needs = needs;
        this.custody = custody;
        this.revokes = revokes;
        this.roles = roles;
    }

    public String slug() { return slug; }
    public Set<TokenState> from() { return from; }
    public TokenState to() { return to; }
    public Needs needs() { return needs; }
    public Custody custody() { return custody; }
    /** The revocation case for every active certificate on the token, or null. */
    public RevocationCase revokes() { return revokes; }
    public Set<Role> roles() { return roles; }

    public boolean allowedFrom(TokenState state) {
        return from.contains(state);
    }

    public static Optional<TokenAction> bySlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
    }

    /** The actions possible from {@code state} for someone with {@code userRoles}. */
    public static List<TokenAction> allowed(TokenState state, Set<Role> userRoles) {
        return Arrays.stream(values()).filter(a -> a.allowedFrom(state))
                .filter(a -> a.roles.stream().anyMatch(userRoles::contains)).toList();
    }

    private static Set<Role> registrars() {
        return EnumSet.of(Role.ADMIN, Role.REGISTRAR);
    }

    /** The managing body reports what happened to its own tokens and takes them back from its people. */
    private static Set<Role> agencyToo() {
        return EnumSet.of(Role.ADMIN, Role.REGISTRAR, Role.AGENCY_OFFICER);
    }

    static final Set<TokenState> TERMINAL = EnumSet.of(RETIRED);
    static final Set<TokenState> NEVER_AGAIN_TO_A_PERSON = EnumSet.of(LOST, RETIRED, DAMAGED, RETURNED_TO_PROVIDER);
}
