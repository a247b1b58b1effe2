package io.iterdef.stack.launcher;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the agents table (schema from migrations) over JDBC; keeps one connection and reopens it after a failure. */
final class AgentStore implements AutoCloseable {

    /** An enrolled agent as the launcher reports it. */
    record EnrolledAgent(String id, String hostname, boolean seen) {
    }

    private final StatusConnection connection;

    AgentStore(String url, String user, String password) {
        this.connection = new StatusConnection(url, user, password);
    }

    /** The agents enrolled and not revoked, or empty while the database or the table is not there. */
    synchronized OptionalLong enrolled() {
        try (PreparedStatement statement = prepare("SELECT count(*) FROM agents WHERE revoked_at IS NULL");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            close();
            return OptionalLong.empty();
        }
    }

    /** The unrevoked agent holding hostname, if any (seen: the server has heard from it, at enrollment or a poll). */
    synchronized Optional<EnrolledAgent> byHostname(String hostname) {
        try (PreparedStatement statement = prepare(
                "SELECT id::text, hostname, last_seen_at IS NOT NULL FROM agents"
                        + " WHERE hostname = ? AND revoked_at IS NULL")) {
            statement.setString(1, hostname);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new EnrolledAgent(rows.getString(1), rows.getString(2), rows.getBoolean(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            close();
            return Optional.empty();
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
