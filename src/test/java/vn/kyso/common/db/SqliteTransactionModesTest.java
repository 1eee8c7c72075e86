package vn.kyso.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SqliteTransactionModesTest {

    @TempDir
    Path dir;

    private String url;
    private HikariDataSource pool;
    private SqliteTransactionModes dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate reading;
    private TransactionTemplate writing;
    private Connection other;

    @BeforeEach
    void setUp() throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("modes.db");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // one connection: every transaction below reuses what the one before left behind
        config.setMaximumPoolSize(1);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        pool = new HikariDataSource(config);
        dataSource = new SqliteTransactionModes(pool);
        // as in Kyso: statements go to the pool, the transaction manager opens connections through the modes
        jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE n (v INTEGER NOT NULL)");
        jdbc.update("INSERT INTO n (v) VALUES (1)");
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        writing = new TransactionTemplate(transactions);
        Properties noWaiting = new Properties();
        noWaiting.setProperty("busy_timeout", "0");
        other = DriverManager.getConnection(url, noWaiting);
    }

    @AfterEach
    void tearDown() throws Exception {
        other.close();
        pool.close();
    }

    @Test
    void aReadOnlyTransactionDoesNotWaitForTheWriter() throws Exception {
        try (Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO n (v) VALUES (2)");
            Integer seen = CompletableFuture.supplyAsync(
                    () -> reading.execute(tx -> jdbc.queryForObject("SELECT SUM(v) FROM n", Integer.class)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(seen).as("the last committed state, read while the writer holds its lock").isEqualTo(1);
            s.execute("COMMIT");
        }
    }

    @Test
    void aWriteTransactionAfterAReadOnlyOneStillTakesTheLockWhenItBegins() throws Exception {
        reading.execute(tx -> jdbc.queryForObject("SELECT SUM(v) FROM n", Integer.class));
        CompletableFuture<Void> write;
        try (Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO n (v) VALUES (2)");
            // reads, then writes what it read: begun DEFERRED, it would read 1 and then fail to write
            write = CompletableFuture.runAsync(() -> writing.executeWithoutResult(tx -> jdbc.update(
                    "INSERT INTO n (v) VALUES (?)", jdbc.queryForObject("SELECT SUM(v) FROM n", Integer.class))));
            Thread.sleep(300);
            assertThat(write).as("waits for the writer at its start").isNotDone();
            s.execute("COMMIT");
        }
        write.get(10, TimeUnit.SECONDS);
        assertThat(jdbc.queryForList("SELECT v FROM n ORDER BY rowid", Integer.class)).containsExactly(1, 2, 3);
    }

    @Test
    void statementsOnThePoolJoinTheTransaction() {
        writing.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO n (v) VALUES (7)");
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT SUM(v) FROM n", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCommittedConnectionHoldsNoLockBeforeAutoCommitIsBack() throws Exception {
        for (boolean rollback : new boolean[] {false, true}) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO n (v) VALUES (5)");
                }
                if (rollback) {
                    c.rollback();
                } else {
                    c.commit();
                }
                // the driver has begun the next transaction already; another writer must still get in
                try (Statement s = other.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("ROLLBACK");
                }
                c.setAutoCommit(true);
            }
        }
        assertThat(jdbc.queryForObject("SELECT SUM(v) FROM n", Integer.class)).isEqualTo(6);
    }

    @Test
    void aConnectionGoesBackToThePoolAsItCameOut() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            assertThat(c.isReadOnly()).isTrue();
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                    .isEqualTo(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
        }
    }
}
