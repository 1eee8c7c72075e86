package vn.kyso.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as the rest of Kyso sees it. */
public final class KysoPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Set<Role> roles;
    private final Long agencyId;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final int failedLogins;
    private final Instant checkedAt;

    KysoPrincipal(AppUser user, Instant now) {
        this.id = user.id;
        this.username = user.username;
        this.passwordHash = user.passwordHash;
        this.fullName = user.fullName;
        this.roles = Set.copyOf(user.roles());
        this.agencyId = user.agencyId;
        this.enabled = user.enabled;
        this.lockedUntil = user.lockedUntil;
        this.failedLogins = user.failedLogins;
        this.checkedAt = now;
    }

    public long id() { return id; }
    public String fullName() { return fullName; }
    public Set<Role> roles() { return roles; }
    public Long agencyId() { return agencyId; }
    public Instant lockedUntil() { return lockedUntil; }
    public int failedLogins() { return failedLogins; }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when this user may see every agency; otherwise only the subtree of {@link #agencyId()}. */
    public boolean provinceWide() {
        return roles.stream().anyMatch(Role.PROVINCE_WIDE::contains);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(checkedAt);
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
