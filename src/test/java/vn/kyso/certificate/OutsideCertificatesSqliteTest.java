package vn.kyso.certificate;

import vn.kyso.support.SqliteContext;

class OutsideCertificatesSqliteTest extends SqliteContext implements OutsideCertificates {
}
