package vn.kyso.verify;

import vn.kyso.support.SqliteContext;

class VerificationApiSqliteTest extends SqliteContext implements VerificationApi {
}
