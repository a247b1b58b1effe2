package io.iterdef.web.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.iterdef.web.model.Paged;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification outbox. */
@Repository
public class NotificationRepository {

	static final String COLUMNS = "id, incident_id, kind, level, repeat_round, channel, recipient, subject, status, "
			+ "attempts, next_attempt_at, last_error, created_at, sent_at, sent_by";

	static final RowMapper<Notification> MAPPER = (rs, n) -> new Notification(rs.getLong("id"),
			(Long) rs.getObject("incident_id", Long.class), rs.getString("kind"), rs.getObject("level", Integer.class),
			rs.getObject("repeat_round", Integer.class), rs.getString("channel"), rs.getString("recipient"),
			rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
			rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("sent_by"));

	/** A notification to create; {@code error} non-null creates it failed (a recipient that cannot be reached). */
	record NewNotification(String dedupeKey, long incidentId, String kind, Integer level, Integer round, String channel,
			String recipient, String subject, String body, String payloadJson, String error) {
	}

	/** A claimed due row with what sending needs. */
	record Due(long id, String channel, String recipient, String subject, String body, String payloadJson, int attempts) {
	}

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the notification unless one with its dedupe key exists; true when created. */
	boolean enqueue(NewNotification n) {
		return jdbc.sql("""
				INSERT INTO notifications (dedupe_key, incident_id, kind, level, repeat_round, channel, recipient, subject,
				                           body, payload, status, last_error)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
				ON CONFLICT (dedupe_key) DO NOTHING""")
			.params(n.dedupeKey(), n.incidentId(), n.kind(), n.level(), n.round(), n.channel(), n.recipient(),
					n.subject(), n.body(), n.payloadJson(), n.error() == null ? "pending" : "failed", n.error())
			.update() == 1;
	}

	/** Locks up to {@code limit} due pending rows that no other transaction holds (call in a transaction). */
	List<Due> claimDue(int limit) {
		return jdbc.sql("""
				SELECT id, channel, recipient, subject, body, payload::text AS payload, attempts FROM notifications
				 WHERE status = 'pending' AND next_attempt_at <= now()
				 ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
			.param(limit)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	void markSent(long id, String sentBy) {
		jdbc.sql("UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at = now(), sent_by = ?, "
				+ "last_error = NULL WHERE id = ?").params(sentBy, id).update();
	}

	/** Records a failed attempt: retried at {@code retryAt}, or failed for good when {@code retryAt} is null. */
	void markAttemptFailed(long id, String error, Instant retryAt) {
		jdbc.sql("UPDATE notifications SET attempts = attempts + 1, last_error = ?, status = ?, "
				+ "next_attempt_at = coalesce(?::timestamptz, next_attempt_at) WHERE id = ?")
			.params(truncate(error), retryAt == null ? "failed" : "pending",
					retryAt == null ? null : Timestamp.from(retryAt), id)
			.update();
	}

	/** Puts a failed notification back in the queue, due now; false when it is not failed. */
	boolean retryNow(long id) {
		return jdbc.sql("UPDATE notifications SET status = 'pending', next_attempt_at = now() "
				+ "WHERE id = ? AND status = 'failed'").param(id).update() == 1;
	}

	public Optional<Notification> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = ?").param(id).query(MAPPER).optional();
	}

	/** The incident's notifications, oldest first (for the incident page). */
	public List<Notification> forIncident(long incidentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE incident_id = ? ORDER BY created_at, id")
			.param(incidentId)
			.query(MAPPER)
			.list();
	}

	/** Newest first, optionally only one incident's and/or one status. */
	Paged<Notification> find(Long incidentId, String status, Paged.PageRequest page) {
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (incidentId != null) {
			where.append(" AND incident_id = ?");
			params.add(incidentId);
		}
		if (status != null) {
			where.append(" AND status = ?");
			params.add(status);
		}
		long total = jdbc.sql("SELECT count(*) FROM notifications" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<Notification> rows = jdbc
			.sql("SELECT " + COLUMNS + " FROM notifications" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(MAPPER)
			.list();
		return Paged.of(rows, page, total);
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
