package vn.kyso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Kyso on a fresh SQLite database, shared by every test class that extends this (Spring caches
 * the context). The first administrator's password is the generated one, read from its file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SqliteContext implements KysoApi {

    @LocalServerPort
    int port;

    /** This context's own directory: test classes with a context of their own each have another. */
    @org.springframework.beans.factory.annotation.Value("${kyso.data-dir}")
    Path dataDir;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.sqlite(registry);
    }

    protected Path dataDir() {
        return dataDir;
    }

    protected int port() {
        return port;
    }

    @Override
    public Api api() {
        return Api.at(port);
    }

    @Override
    public Api admin() {
        try {
            String password = Files.readString(dataDir.resolve("initial-admin-password"), StandardCharsets.UTF_8).strip();
            return api().as("admin", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }
}
