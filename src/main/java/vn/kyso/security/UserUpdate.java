package vn.kyso.security;

import java.util.Set;

import jakarta.validation.constraints.Size;

/** Changes only what is given: a null field is left as it is. */
public record UserUpdate(
        @Size(min = 12, max = 128) String password,
        @Size(min = 1, max = 200) String fullName,
        @Size(min = 1) Set<Role> roles,
        @Size(max = 40) String agencyCode,
        Boolean enabled,
        /* true clears a login lock and the failure count */
        Boolean unlock) {
}
