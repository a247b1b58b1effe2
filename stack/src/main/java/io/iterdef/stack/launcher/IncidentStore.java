package io.iterdef.stack.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the incidents table (schema from migrations) over JDBC; keeps one connection and reopens it after a failure. */
final class IncidentStore implements AutoCloseable {

    record Incident(long id, String title) {
    }

    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    IncidentStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password == null ? "" : password;
    }

    /** SELECT count(*) FROM incidents, or empty while the database or the table is not there. */
    synchronized OptionalLong count() {
        try (Statement statement = statement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM incidents")) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            reset();
            return OptionalLong.empty();
        }
    }

    /** The most recently created incident, if any. */
    synchronized Optional<Incident> newest() throws SQLException {
        try (Statement statement = statement();
                ResultSet rows = statement.executeQuery("SELECT id, title FROM incidents ORDER BY id DESC LIMIT 1")) {
            return rows.next() ? Optional.of(new Incident(rows.getLong(1), rows.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            reset();
            throw e;
        }
    }

    private Statement statement() throws SQLException {
        if (connection == null || connection.isClosed()) {
            DriverManager.setLoginTimeout(QUERY_TIMEOUT_SECONDS);
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
        }
        Statement statement = connection.createStatement();
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    private void reset() {
        close();
    }

    @Override
    public synchronized void close() {
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
