package vn.kyso.imports;

import vn.kyso.support.SqliteContext;

class ImportsSqliteTest extends SqliteContext implements Imports {
}
