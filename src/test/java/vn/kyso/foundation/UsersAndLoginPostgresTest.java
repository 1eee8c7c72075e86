package vn.kyso.foundation;

import vn.kyso.support.PostgresContext;

class UsersAndLoginPostgresTest extends PostgresContext implements UsersAndLogin {
}
