package vn.kyso.certificate;

import vn.kyso.support.SqliteContext;

class CertificateLifecycleSqliteTest extends SqliteContext implements CertificateLifecycle {
}
