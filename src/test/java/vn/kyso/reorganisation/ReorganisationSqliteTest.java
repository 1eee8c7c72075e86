package vn.kyso.reorganisation;

import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.support.SqliteContext;

class ReorganisationSqliteTest extends SqliteContext implements ReorganisationJobs {

    @Autowired
    javax.sql.DataSource dataSource;

    @Override
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }
}
