package vn.kyso.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyService;
import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.Text;
import vn.kyso.common.Violations;

@Service
public class UserService {

    private final UserRepository users;
    private final AgencyRepository agencies;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(UserRepository users, AgencyRepository agencies, PasswordEncoder encoder, AuditLog audit,
            Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AppUser create(UserRequest request) {
        return create(AuditLog.currentActor(), request);
    }

    @Transactional
    public AppUser create(String actor, UserRequest request) {
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        Violations violations = new Violations();
        checkPassword(username, request.password(), violations);
        Agency agency = agencyFor(request.roles(), request.agencyCode(), violations);
        violations.throwIfAny();
        if (users.existsByUsername(username)) {
            throw ApiException.conflictOn("username", "error.user.duplicate", username);
        }
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = encoder.encode(request.password());
        user.fullName = Text.clean(request.fullName());
        user.roles(EnumSet.copyOf(request.roles()));
        user.agencyId = agency == null ? null : agency.id();
        user.enabled = true;
        Instant now = clock.instant();
        user.createdAt = now;
        user.updatedAt = now;
        users.save(user);
        audit.record(actor, new AuditLog.Change("user.create", "user", username, user.agencyId, null, view(user)));
        return user;
    }

    @Transactional
    public AppUser update(String username, UserUpdate update) {
        AppUser user = get(username);
        UserView before = view(user);
        Violations violations = new Violations();
        Set<Role> roles = update.roles() == null ? user.roles() : update.roles();
        String agencyCode = update.agencyCode() != null ? update.agencyCode()
                : user.agencyId == null ? null : agencies.findById(user.agencyId).map(Agency::code).orElse(null);
        Agency agency = agencyFor(roles, agencyCode, violations);
        if (update.password() != null) {
            checkPassword(user.username, update.password(), violations);
        }
        if (Boolean.FALSE.equals(update.enabled()) && user.username.equals(AuditLog.currentActor())) {
            violations.reject("enabled", "error.user.cannotDisableSelf");
        }
        violations.throwIfAny();
        user.roles(EnumSet.copyOf(roles));
        user.agencyId = agency == null ? null : agency.id();
        if (update.fullName() != null) {
            user.fullName = Text.clean(update.fullName());
        }
        if (update.enabled() != null) {
            user.enabled = update.enabled();
        }
        if (update.password() != null) {
            user.passwordHash = encoder.encode(update.password());
        }
        if (Boolean.TRUE.equals(update.unlock())) {
            user.failedLogins = 0;
            user.lockedUntil = null;
        }
        user.updatedAt = clock.instant();
        users.save(user);
        Map<String, Object> after = update.password() == null ? Map.of("user", view(user))
                : Map.of("user", view(user), "passwordChanged", true);
        audit.record(new AuditLog.Change("user.update", "user", user.username, user.agencyId, before, after));
        return user;
    }

    public AppUser get(String username) {
        return users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("error.user.notFound", username));
    }

    public List<AppUser> list() {
        return users.findAllByOrderByUsername();
    }

    public UserView view(AppUser user) {
        String agencyCode = user.agencyId == null ? null
                : agencies.findById(user.agencyId).map(Agency::code).orElse(null);
        return new UserView(user.username, user.fullName, user.roles(), agencyCode, user.enabled, user.lockedUntil,
                user.createdAt, user.updatedAt);
    }

    /** An agency officer must name its agency; for other roles an agency is optional (their home agency). */
    private Agency agencyFor(Set<Role> roles, String agencyCode, Violations violations) {
        if (agencyCode == null || agencyCode.isBlank()) {
            if (roles.contains(Role.AGENCY_OFFICER)) {
                violations.reject("agencyCode", "error.user.officerNeedsAgency");
            }
            return null;
        }
        Agency agency = agencies.findByCode(AgencyService.normalizeCode(agencyCode)).orElse(null);
        if (agency == null) {
            violations.reject("agencyCode", "error.agency.unknown", agencyCode);
        }
        return agency;
    }

    private static void checkPassword(String username, String password, Violations violations) {
        if (password.length() < 12) {
            violations.reject("password", "error.user.passwordShort", 12);
        } else if (password.toLowerCase(Locale.ROOT).contains(username)) {
            violations.reject("password", "error.user.passwordContainsUsername");
        } else if (password.chars().distinct().count() < 5) {
            violations.reject("password", "error.user.passwordTrivial");
        }
    }
}
