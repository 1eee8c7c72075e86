package vn.kyso.common.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/**
 * The only place hand-written SQL meets the type differences of the two databases: instants are
 * epoch milliseconds in SQLite and timestamptz in PostgreSQL.
 */
@Component
public class Db {

    private final DatabaseKind kind;

    public Db(DatabaseKind kind) {
        this.kind = kind;
    }

    public DatabaseKind kind() {
        return kind;
    }

    public Object instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        return kind == DatabaseKind.SQLITE ? (Object) instant.toEpochMilli() : instant.atOffset(ZoneOffset.UTC);
    }

    public Instant instant(ResultSet rs, String column) throws SQLException {
        if (kind == DatabaseKind.SQLITE) {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        }
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
