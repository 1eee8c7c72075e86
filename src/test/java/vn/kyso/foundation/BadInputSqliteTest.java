package vn.kyso.foundation;

import vn.kyso.support.SqliteContext;

class BadInputSqliteTest extends SqliteContext implements BadInput {
}
