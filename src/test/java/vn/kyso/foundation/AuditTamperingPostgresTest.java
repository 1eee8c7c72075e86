package vn.kyso.foundation;

import vn.kyso.support.PostgresContext;

class AuditTamperingPostgresTest extends PostgresContext implements AuditTampering {
}
