package io.iterdef.agent.server.approval;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The state changes of approvals and cancellation on the tasks table. Each is one conditional UPDATE (on the state
 * it leaves, and for approval on a different person), so two people deciding at once cannot both win; the
 * tasks_approver_check constraint backs the four-eyes rule in the database.
 */
@Repository
class TaskDecisionRepository {

	private final JdbcClient jdbc;

	TaskDecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The task's state and who asked for it; empty when there is no such task. */
	Optional<Decidable> find(UUID id) {
		return jdbc.sql("SELECT state, requested_by FROM tasks WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Decidable(rs.getString("state"), rs.getString("requested_by")))
			.optional();
	}

	/** awaiting_approval to queued, approved by another person than the requester; false when not applicable. */
	boolean approve(UUID id, String approver, String note) {
		return jdbc.sql("""
				UPDATE tasks SET state = 'queued', approved_by = :approver, decided_at = now(), decision_note = :note
				WHERE id = :id AND state = 'awaiting_approval' AND requested_by <> :approver""")
			.param("id", id)
			.param("approver", approver)
			.param("note", note)
			.update() > 0;
	}

	/** awaiting_approval to denied by another person than the requester; false when not applicable. */
	boolean deny(UUID id, String decider, String note) {
		return jdbc.sql("""
				UPDATE tasks SET state = 'denied', approved_by = :decider, decided_at = now(), decision_note = :note,
				       finished_at = now(), error = 'denied by ' || :decider
				WHERE id = :id AND state = 'awaiting_approval' AND requested_by <> :decider""")
			.param("id", id)
			.param("decider", decider)
			.param("note", note)
			.update() > 0;
	}

	/** awaiting_approval or queued to cancelled (anyone may withdraw a task nobody runs yet); false else. */
	boolean cancel(UUID id, String actor, String note) {
		return jdbc.sql("""
				UPDATE tasks SET state = 'cancelled', finished_at = now(), decided_at = now(), decision_note = :note,
				       error = 'cancelled by ' || :actor
				WHERE id = :id AND state IN ('awaiting_approval', 'queued')""")
			.param("id", id)
			.param("actor", actor)
			.param("note", note)
			.update() > 0;
	}

	/** What a decision checks. */
	record Decidable(String state, String requestedBy) {
	}

}
