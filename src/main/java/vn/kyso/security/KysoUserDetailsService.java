package vn.kyso.security;

import java.time.Clock;
import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class KysoUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    KysoUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .map(user -> new KysoPrincipal(user, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
