package vn.kyso.imports;

import vn.kyso.support.SqliteContext;

class ImportScaleSqliteTest extends SqliteContext implements ImportScale {
}
