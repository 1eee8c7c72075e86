package vn.kyso.security;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
public class AppUser {
    @Id
    Long id;
    String username;
    String passwordHash;
    String fullName;
    /** Comma-separated {@link Role} names: a handful of values that are always read together. */
    String roles;
    Long agencyId;
    boolean enabled;
    int failedLogins;
    Instant lockedUntil;
    @Version
    Long version;
    Instant createdAt;
    Instant updatedAt;

    public Long id() { return id; }
    public String username() { return username; }
    public String fullName() { return fullName; }
    public Long agencyId() { return agencyId; }
    public boolean enabled() { return enabled; }
    public Instant lockedUntil() { return lockedUntil; }
    public int failedLogins() { return failedLogins; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    public Set<Role> roles() {
        return Role.split(roles);
    }

    void roles(Set<Role> value) {
        roles = Role.join(value);
    }
}
