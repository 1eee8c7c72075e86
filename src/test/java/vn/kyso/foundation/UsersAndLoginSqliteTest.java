package vn.kyso.foundation;

import vn.kyso.support.SqliteContext;

class UsersAndLoginSqliteTest extends SqliteContext implements UsersAndLogin {
}
