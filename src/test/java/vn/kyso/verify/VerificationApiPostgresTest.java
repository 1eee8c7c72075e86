package vn.kyso.verify;

import vn.kyso.support.PostgresContext;

class VerificationApiPostgresTest extends PostgresContext implements VerificationApi {
}
