package vn.kyso.security;

import vn.kyso.support.PostgresContext;

class ConcurrentConflictsPostgresTest extends PostgresContext implements ConcurrentConflicts {
}
