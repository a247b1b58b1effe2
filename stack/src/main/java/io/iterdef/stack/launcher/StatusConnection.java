package io.iterdef.stack.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The launcher's one JDBC connection per store (incidents, agents): opened on first use, every statement bounded by a
 * query timeout, reopened on the next use after a failure (the database restarts, or is not up yet). Not thread-safe:
 * its owner synchronizes.
 */
final class StatusConnection implements AutoCloseable {

    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    StatusConnection(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password == null ? "" : password;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        if (connection == null || connection.isClosed()) {
            DriverManager.setLoginTimeout(QUERY_TIMEOUT_SECONDS);
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    /** Drops the connection (after a failure, or at the end); the next statement opens a new one. */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a broken connection: nothing to do
            }
            connection = null;
        }
    }
}
