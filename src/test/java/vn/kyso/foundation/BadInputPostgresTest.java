package vn.kyso.foundation;

import vn.kyso.support.PostgresContext;

class BadInputPostgresTest extends PostgresContext implements BadInput {
}
