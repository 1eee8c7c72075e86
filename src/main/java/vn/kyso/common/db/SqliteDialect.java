package vn.kyso.common.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.relational.core.dialect.AbstractDialect;
import org.springframework.data.relational.core.dialect.LimitClause;
import org.springframework.data.relational.core.dialect.LockClause;
import org.springframework.data.relational.core.sql.LockOptions;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Spring Data JDBC has no SQLite dialect. SQLite speaks LIMIT/OFFSET, has no row locks (a write
 * transaction holds the database lock, see {@link DatabaseConfig}) and hands back epoch millis,
 * 0/1 and ISO dates where the domain wants Instant, boolean and LocalDate.
 */
public final class SqliteDialect extends AbstractDialect implements JdbcDialect {

    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private static final LimitClause LIMIT = new LimitClause() {
        @Override public String getLimit(long limit) { return "LIMIT " + limit; }
        @Override public String getOffset(long offset) { return "LIMIT -1 OFFSET " + offset; }
        @Override public String getLimitOffset(long limit, long offset) { return "LIMIT " + limit + " OFFSET " + offset; }
        @Override public Position getClausePosition() { return Position.AFTER_ORDER_BY; }
    };

    private static final LockClause NO_LOCK = new LockClause() {
        @Override public String getLock(LockOptions lockOptions) { return ""; }
        @Override public Position getClausePosition() { return Position.AFTER_ORDER_BY; }
    };

    private SqliteDialect() {
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public LimitClause limit() {
        return LIMIT;
    }

    @Override
    public LockClause lock() {
        return NO_LOCK;
    }

    @Override
    public Collection<Object> getConverters() {
        return List.of(LongToInstant.INSTANCE, IntegerToBoolean.INSTANCE,
                LocalDateToString.INSTANCE, StringToLocalDate.INSTANCE);
    }

    @ReadingConverter
    enum LongToInstant implements Converter<Long, Instant> {
        INSTANCE;
        @Override public Instant convert(Long millis) { return Instant.ofEpochMilli(millis); }
    }

    @ReadingConverter
    enum IntegerToBoolean implements Converter<Integer, Boolean> {
        INSTANCE;
        @Override public Boolean convert(Integer value) { return value != 0; }
    }

    @WritingConverter
    enum LocalDateToString implements Converter<LocalDate, String> {
        INSTANCE;
        @Override public String convert(LocalDate date) { return date.toString(); }
    }

    @ReadingConverter
    enum StringToLocalDate implements Converter<String, LocalDate> {
        INSTANCE;
        @Override public LocalDate convert(String text) { return LocalDate.parse(text); }
    }

    /** Found by Spring Data through META-INF/spring.factories. */
    public static final class Provider implements DialectResolver.JdbcDialectProvider {
        @Override
        public Optional<org.springframework.data.relational.core.dialect.Dialect> getDialect(JdbcOperations operations) {
            return Optional.ofNullable(operations.execute((ConnectionCallback<JdbcDialect>) Provider::forConnection));
        }

        private static JdbcDialect forConnection(Connection connection) throws java.sql.SQLException {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite") ? INSTANCE : null;
        }
    }
}
