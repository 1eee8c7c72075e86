package vn.kyso.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Thrown before the password is even checked, so a locked account costs no hashing. */
final class AccountLocked extends LockedException {

    private final transient Instant until;

    AccountLocked(Instant until) {
        super("Account locked after repeated failed logins");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
