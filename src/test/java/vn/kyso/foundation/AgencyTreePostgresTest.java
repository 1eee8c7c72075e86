package vn.kyso.foundation;

import vn.kyso.support.PostgresContext;

class AgencyTreePostgresTest extends PostgresContext implements AgencyTree {
}
