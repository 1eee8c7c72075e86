package vn.kyso.certificate;

import vn.kyso.support.PostgresContext;

class OutsideCertificatesPostgresTest extends PostgresContext implements OutsideCertificates {
}
