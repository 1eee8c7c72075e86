package vn.kyso.foundation;

import vn.kyso.support.SqliteContext;

class AgencyTreeSqliteTest extends SqliteContext implements AgencyTree {
}
