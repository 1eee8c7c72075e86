package vn.kyso.foundation;

import vn.kyso.support.PostgresContext;

class FoundationScenarioPostgresTest extends PostgresContext implements FoundationScenario {
}
