package vn.kyso.common.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.util.StringUtils;

import vn.kyso.common.KysoProperties;

/**
 * The embedded SQLite default under the data directory, or whatever KYSO_DB_URL names.
 * SQLite gets WAL (readers never wait for the writer), enforced foreign keys, a busy timeout,
 * and IMMEDIATE transactions: a transaction takes the write lock when it begins, so two
 * read-then-write transactions queue instead of failing with SQLITE_BUSY half-way. Read-only
 * transactions begin DEFERRED ({@link SqliteTransactionModes}) and never wait for the writer.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    @Bean
    DatabaseKind databaseKind(KysoProperties properties) {
        return DatabaseKind.fromUrl(jdbcUrl(properties));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(KysoProperties properties, DatabaseKind kind) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kyso");
        config.setJdbcUrl(jdbcUrl(properties));
        KysoProperties.Db db = properties.db();
        if (StringUtils.hasText(db.user())) {
            config.setUsername(db.user());
        }
        if (StringUtils.hasText(db.password())) {
            config.setPassword(db.password());
        }
        config.setMaximumPoolSize(db.poolSize());
        if (kind == DatabaseKind.SQLITE) {
            createParentDirectory(config.getJdbcUrl());
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("synchronous", db.sqliteSynchronous());
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        return new HikariDataSource(config);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, DatabaseKind kind) {
        return new JdbcTransactionManager(kind == DatabaseKind.SQLITE ? new SqliteTransactionModes(dataSource) : dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer schemaPlaceholders(DatabaseKind kind) {
        return configuration -> configuration.placeholders(kind.placeholders());
    }

    static String jdbcUrl(KysoProperties properties) {
        String url = properties.db().url();
        if (StringUtils.hasText(url)) {
            return url;
        }
        return "jdbc:sqlite:" + properties.dataDir().resolve("kyso.db").toAbsolutePath().normalize();
    }

    private static void createParentDirectory(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + parent, e);
        }
    }
}
