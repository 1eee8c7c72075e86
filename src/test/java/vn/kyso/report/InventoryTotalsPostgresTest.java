package vn.kyso.report;

import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.support.PostgresContext;

class InventoryTotalsPostgresTest extends PostgresContext implements InventoryTotals {

    @Autowired
    javax.sql.DataSource dataSource;

    @Override
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }
}
