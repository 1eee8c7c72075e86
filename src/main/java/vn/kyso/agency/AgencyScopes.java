package vn.kyso.agency;

import org.springframework.stereotype.Component;

import vn.kyso.security.CurrentUser;
import vn.kyso.security.KysoPrincipal;

/** Resolves the current user's {@link AgencyScope}; read per request so a moved agency takes effect at once. */
@Component
public class AgencyScopes {

    private final AgencyRepository agencies;

    public AgencyScopes(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    public AgencyScope current() {
        return CurrentUser.get().map(this::of).orElse(AgencyScope.ALL);
    }

    public AgencyScope of(KysoPrincipal user) {
        if (user.provinceWide()) {
            return AgencyScope.ALL;
        }
        if (user.agencyId() == null) {
            return AgencyScope.NONE;
        }
        return agencies.findById(user.agencyId()).map(a -> new AgencyScope(a.path())).orElse(AgencyScope.NONE);
    }
}
