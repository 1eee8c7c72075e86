package vn.kyso.imports;

import vn.kyso.support.PostgresContext;

class ImportScalePostgresTest extends PostgresContext implements ImportScale {
}
