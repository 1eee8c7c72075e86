package vn.kyso.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<KysoPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof KysoPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public static KysoPrincipal require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user on this thread"));
    }
}
