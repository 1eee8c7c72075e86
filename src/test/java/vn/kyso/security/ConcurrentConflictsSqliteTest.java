package vn.kyso.security;

import vn.kyso.support.SqliteContext;

class ConcurrentConflictsSqliteTest extends SqliteContext implements ConcurrentConflicts {
}
