package vn.kyso.reorganisation;

import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.support.PostgresContext;

class ReorganisationPostgresTest extends PostgresContext implements ReorganisationJobs {

    @Autowired
    javax.sql.DataSource dataSource;

    @Override
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }
}
