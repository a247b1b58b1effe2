package io.iterdef.stack.launcher;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final StatusConnection connection;

    IncidentStore(String url, String user, String password) {
        this.connection = new StatusConnection(url, user, password);
    }

    /** SELECT count(*) FROM incidents, or empty while the database or the table is not there. */
    synchronized OptionalLong count() {
        try (PreparedStatement statement = prepare("SELECT count(*) FROM incidents");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            close();
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
            close();
            throw e;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The highest incident id, 0 when there is none (or no table yet). */
    synchronized long maxId() {
        try (PreparedStatement statement = prepare("SELECT coalesce(max(id), 0) FROM incidents");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            close();
            return 0;
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepare(sql);
    }

    @Override
    public synchronized void close() {
        connection.close();
    }
}
