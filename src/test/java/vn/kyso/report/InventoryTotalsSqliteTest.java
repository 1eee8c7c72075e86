package vn.kyso.report;

import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.support.SqliteContext;

class InventoryTotalsSqliteTest extends SqliteContext implements InventoryTotals {

    @Autowired
    javax.sql.DataSource dataSource;

    @Override
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }
}
