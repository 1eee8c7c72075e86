package vn.kyso.imports;

import vn.kyso.support.PostgresContext;

class ImportsPostgresTest extends PostgresContext implements Imports {
}
