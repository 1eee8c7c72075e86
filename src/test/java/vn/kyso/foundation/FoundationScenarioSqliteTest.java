package vn.kyso.foundation;

import vn.kyso.support.SqliteContext;

class FoundationScenarioSqliteTest extends SqliteContext implements FoundationScenario {
}
