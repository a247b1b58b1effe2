package io.iterdef.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What incident-web stored in the fault stack's PostgreSQL, read with plain JDBC. */
final class Database {
    private Database() {
    }

    /** The ids of the stored alerts of these hosts (a row per alert; the id is the primary key). */
    static List<String> alertIds(Collection<String> hosts) {
        return strings("SELECT id FROM alerts WHERE host_name = ANY(?)", hosts);
    }

    /** "rule_id group_key count" of every (rule, group key) of these hosts that has more than one incident. */
    static List<String> doubledIncidents(Collection<String> hosts) {
        return strings("SELECT rule_id || ' ' || group_key || ' ' || count(*) FROM incidents WHERE host_name = ANY(?)"
                + " GROUP BY rule_id, group_key HAVING count(*) > 1", hosts);
    }

    /** "outcome: detail" of the rule task requests whose id starts with {@code prefix}. */
    static List<String> taskRequests(String prefix) {
        return strings("SELECT outcome || ': ' || coalesce(detail, '') FROM rule_task_requests"
                + " WHERE starts_with(request_id, (?::text[])[1])", List.of(prefix));
    }

    /** "rule_id group_key" of every incident of these hosts (a line per incident). */
    static List<String> incidentKeys(Collection<String> hosts) {
        return strings("SELECT rule_id || ' ' || group_key FROM incidents WHERE host_name = ANY(?)", hosts);
    }

    private static List<String> strings(String sql, Collection<String> hosts) {
        try (Connection c = DriverManager.getConnection(FaultStack.DB_URL, FaultStack.DB_USER, "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", hosts.toArray());
            ps.setArray(1, array);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
