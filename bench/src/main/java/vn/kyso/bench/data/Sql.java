package vn.kyso.bench.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The few ways the two databases differ for a bulk load: how instants and dates are stored (as
 * Kyso's migrations declare them), and how secondary indexes (and any triggers) are set
 * aside during the load and put back, exactly as the migrations made them, afterwards.
 */
final class Sql {

    private final Connection c;
    private final boolean postgres;
    private final List<String> restore = new ArrayList<>();

    Sql(Connection c) throws SQLException {
        this.c = c;
        this.postgres = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
    }

    Connection connection() {
        return c;
    }

    boolean postgres() {
        return postgres;
    }

    void instant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, postgres ? Types.TIMESTAMP_WITH_TIMEZONE : Types.INTEGER);
        } else if (postgres) {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    void date(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, postgres ? Types.DATE : Types.VARCHAR);
        } else if (postgres) {
            ps.setObject(i, d);
        } else {
            ps.setString(i, d.toString());
        }
    }

    static void longOrNull(PreparedStatement ps, int i, long value) throws SQLException {
        if (value <= 0) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    long max(String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long id(String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new IllegalStateException("Nothing for " + query);
            }
            return rs.getLong(1);
        }
    }

    /** Drops the secondary indexes of these tables, remembering how to remake them. */
    void setAsideIndexes(List<String> tables) throws SQLException {
        String in = "'" + String.join("','", tables) + "'";
        List<String[]> found = new ArrayList<>();
        String query = postgres
                ? "SELECT indexname, indexdef, 'index' FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ("
                        + in + ") AND indexname NOT IN (SELECT conname FROM pg_constraint)"
                : "SELECT name, sql, type FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN (" + in
                        + ") AND sql IS NOT NULL";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                found.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] f : found) {
                s.execute("DROP " + f[2].toUpperCase() + " " + f[0]);
                restore.add(f[1]);
            }
        }
        c.commit();
    }

    /** Remakes what {@link #setAsideIndexes} dropped, and updates statistics. */
    void restoreIndexes() throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : restore) {
                s.execute(ddl);
            }
            restore.clear();
        }
        c.commit();
    }

    /** Identity columns filled with explicit ids must continue after them (SQLite's AUTOINCREMENT does so itself). */
    void continueIds(List<String> tables) throws SQLException {
        if (!postgres) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + t
                        + "))");
            }
        }
        c.commit();
    }

    /**
     * Statistics for the planner, and on PostgreSQL the visibility map too: a freshly loaded table
     * has none until a vacuum, so every index-only scan visits the heap (a province inventory took
     * 532 ms at p95 on the unvacuumed set) until autovacuum gets round to tables this size.
     */
    void analyze() throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(postgres ? "VACUUM (ANALYZE)" : "ANALYZE");
        }
        c.setAutoCommit(false);
    }
}
