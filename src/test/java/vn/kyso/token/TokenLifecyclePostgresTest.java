package vn.kyso.token;

import vn.kyso.support.PostgresContext;

class TokenLifecyclePostgresTest extends PostgresContext implements TokenLifecycle {

    @Override
    public String adminName() {
        return "root-admin";
    }
}
