package vn.kyso.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Kyso on a fresh PostgreSQL schema, shared by every test class that extends this. The first
 * administrator comes from the KYSO_ADMIN_* settings, the other bootstrap path.
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "kyso.admin.username=root-admin", "kyso.admin.password=" + PostgresContext.ADMIN_PASSWORD})
public abstract class PostgresContext implements KysoApi {

    static final String ADMIN_PASSWORD = "Quản trị PostgreSQL 2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    public Api api() {
        return Api.at(port);
    }

    @Override
    public Api admin() {
        return api().as("root-admin", ADMIN_PASSWORD);
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }
}
