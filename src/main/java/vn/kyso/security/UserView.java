package vn.kyso.security;

import java.time.Instant;
import java.util.Set;

public record UserView(String username, String fullName, Set<Role> roles, String agencyCode, boolean enabled,
        Instant lockedUntil, Instant createdAt, Instant updatedAt) {
}
