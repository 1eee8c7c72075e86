package vn.kyso.token;

import vn.kyso.support.SqliteContext;

class TokenLifecycleSqliteTest extends SqliteContext implements TokenLifecycle {

    @Override
    public String adminName() {
        return "admin";
    }
}
