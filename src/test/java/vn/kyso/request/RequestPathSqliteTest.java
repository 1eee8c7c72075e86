package vn.kyso.request;

import vn.kyso.support.SqliteContext;

class RequestPathSqliteTest extends SqliteContext implements RequestPath {
}
