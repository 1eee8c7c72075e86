package vn.kyso.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.KysoProperties;

/**
 * Slows password guessing two ways. Per account, in the database so every instance agrees: after
 * {@code maxFailures} wrong passwords the account locks, for a time that doubles with each further
 * failure up to {@code maxLockout}. Per client address, in memory: too many failures in a window,
 * whatever the user names, and that address waits (guessing across many accounts).
 */
@Component
public class LoginThrottle {

    private final UserRepository users;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final KysoProperties.Login policy;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();

    public LoginThrottle(UserRepository users, AuditLog audit, TransactionTemplate tx, Clock clock,
            KysoProperties properties) {
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.policy = properties.login();
    }

    private record Window(Instant start, int failures) {
    }

    /** Seconds the client must still wait, or 0. */
    public long clientWaitSeconds(String address) {
        Window w = clients.get(address);
        if (w == null || w.failures() < policy.maxFailuresPerClient()) {
            return 0;
        }
        Instant end = w.start().plus(policy.clientWindow());
        long seconds = Duration.between(clock.instant(), end).toSeconds();
        if (seconds <= 0) {
            clients.remove(address, w);
            return 0;
        }
        return seconds;
    }

    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String address = address(event.getAuthentication().getDetails());
        if (address != null) {
            Instant now = clock.instant();
            clients.compute(address, (k, w) -> w == null || w.start().plus(policy.clientWindow()).isBefore(now)
                    ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        }
        String username = String.valueOf(event.getAuthentication().getPrincipal()).strip().toLowerCase(Locale.ROOT);
        tx.executeWithoutResult(status -> users.findByUsername(username).ifPresent(this::countFailure));
    }

    private void countFailure(AppUser user) {
        int failures = user.failedLogins + 1;
        Instant lockedUntil = null;
        if (failures >= policy.maxFailures()) {
            int extra = Math.min(failures - policy.maxFailures(), 20);
            Duration lock = policy.firstLockout().multipliedBy(1L << extra);
            if (lock.compareTo(policy.maxLockout()) > 0) {
                lock = policy.maxLockout();
            }
            lockedUntil = clock.instant().plus(lock);
            audit.record(AuditLog.SYSTEM, new AuditLog.Change("user.locked", "user", user.username, user.agencyId,
                    null, Map.of("failedLogins", failures, "lockedUntil", lockedUntil.toString())));
        }
        users.updateLoginState(user.id, failures, lockedUntil);
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof KysoPrincipal principal
                && (principal.lockedUntil() != null || principal.failedLogins() > 0)) {
            tx.executeWithoutResult(status -> users.updateLoginState(principal.id(), 0, null));
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
