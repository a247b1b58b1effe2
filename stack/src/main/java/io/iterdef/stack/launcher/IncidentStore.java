package io.iterdef.stack.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads the incidents table (schema from migrations) over JDBC; keeps one connection and reopens it after a failure. */
final class IncidentStore implements AutoCloseable {

    /** An incident as the demo reports it: its host (null for rules grouped otherwise) and the span of its alerts. */
    record Incident(long id, String title, String hostName, Instant firstSeen, Instant lastSeen) {
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

    /** The incidents with an id above afterId, oldest first, at most limit of them. */
    synchronized List<Incident> createdAfter(long afterId, int limit) throws SQLException {
        try (PreparedStatement statement = prepare(
                "SELECT id, title, host_name, first_seen, last_seen FROM incidents WHERE id > ? ORDER BY id LIMIT ?")) {
            statement.setLong(1, afterId);
            statement.setInt(2, limit);
            List<Incident> incidents = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    incidents.add(new Incident(rows.getLong(1), rows.getString(2), rows.getString(3),
                            instant(rows.getTimestamp(4)), instant(rows.getTimestamp(5))));
                }
            }
            return incidents;
        } catch (SQLException e) {
            reset();
            throw e;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The highest incident id, 0 when there is none (or no table yet). */
    synchronized long maxId() {
        try (Statement statement = statement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM incidents")) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            reset();
            return 0;
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        connection();
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    private void connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            DriverManager.setLoginTimeout(QUERY_TIMEOUT_SECONDS);
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
        }
    }

    private Statement statement() throws SQLException {
        connection();
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
