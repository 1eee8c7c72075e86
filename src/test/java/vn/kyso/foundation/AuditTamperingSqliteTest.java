package vn.kyso.foundation;

import vn.kyso.support.SqliteContext;

class AuditTamperingSqliteTest extends SqliteContext implements AuditTampering {
}
