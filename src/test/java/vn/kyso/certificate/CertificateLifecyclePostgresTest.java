package vn.kyso.certificate;

import vn.kyso.support.PostgresContext;

class CertificateLifecyclePostgresTest extends PostgresContext implements CertificateLifecycle {
}
