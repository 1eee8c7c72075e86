package vn.kyso.common.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * SQLite connections whose transactions take the write lock only when they may write.
 * <p>
 * Kyso's SQLite transactions begin IMMEDIATE, so that two read-then-write transactions queue at
 * the start instead of one failing half-way. Two things made every transaction, reads included,
 * queue behind the writer: Spring's read-only transactions (every repository read) began
 * IMMEDIATE too, and the driver begins the next transaction the moment one commits or rolls back,
 * in the same mode, before Spring hands the connection back. Here a read-only transaction begins
 * DEFERRED (under WAL it then never waits for the writer), and the transaction the driver opens
 * after a commit or a rollback is DEFERRED: it only lives until Spring restores auto-commit.
 * Only the transaction manager opens connections through here; statements outside a transaction
 * never begin one and take the pool's connections as they are.
 */
public final class SqliteTransactionModes extends DelegatingDataSource implements InfrastructureProxy {

    public SqliteTransactionModes(DataSource pool) {
        super(pool);
    }

    /**
     * Transactions are bound to the pool itself, so code that asks the pool for a connection
     * inside a transaction gets the transaction's one, opened through here.
     */
    @Override
    public Object getWrappedObject() {
        return getTargetDataSource();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    private static Connection wrap(Connection connection) throws SQLException {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Modes(connection, connection.unwrap(SQLiteConnection.class)));
    }

    private static final class Modes implements InvocationHandler {

        private final Connection connection;
        private final SQLiteConnection sqlite;
        /** What the connection was configured with: IMMEDIATE for Kyso's own database. */
        private final TransactionMode writing;
        private boolean readOnly;

        Modes(Connection connection, SQLiteConnection sqlite) {
            this.connection = connection;
            this.sqlite = sqlite;
            this.writing = sqlite.getConnectionConfig().getTransactionMode();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setReadOnly" -> {
                    // the driver cannot reopen a connection read-only; the mode of the next BEGIN is what matters
                    readOnly = (Boolean) args[0];
                    mode(readOnly ? TransactionMode.DEFERRED : writing);
                    return null;
                }
                case "close" -> {
                    // back to the pool as it came out of it, even if a transaction was not cleaned up
                    mode(writing);
                    return call(method, args);
                }
                case "isReadOnly" -> {
                    return readOnly;
                }
                case "commit", "rollback" -> {
                    if (args == null || args.length == 0) {
                        TransactionMode mode = sqlite.getConnectionConfig().getTransactionMode();
                        mode(TransactionMode.DEFERRED);
                        try {
                            return call(method, args);
                        } finally {
                            mode(mode);
                        }
                    }
                    return call(method, args);
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : call(method, args);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) call(method, args);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "SQLite connection (" + connection + ")";
                }
                default -> {
                    return call(method, args);
                }
            }
        }

        private void mode(TransactionMode mode) {
            sqlite.getConnectionConfig().setTransactionMode(mode);
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
