package vn.kyso.security;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

public enum Role {
    ADMIN, REGISTRAR, CLERK, AGENCY_OFFICER, AUDITOR;

    /** Roles that see every agency. A user with none of them sees only its own agency's subtree. */
    public static final Set<Role> PROVINCE_WIDE = EnumSet.of(ADMIN, REGISTRAR, AUDITOR, CLERK);

    static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<Role> split(String text) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                roles.add(Role.valueOf(part.strip()));
            }
        }
        return roles;
    }
}
