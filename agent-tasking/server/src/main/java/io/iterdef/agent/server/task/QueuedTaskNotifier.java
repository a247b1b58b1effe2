package io.iterdef.agent.server.task;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Says that a task was queued for an agent: the agent's polls waiting in this instance are checked at once (after
 * the commit when called in a transaction), and {@code NOTIFY} {@value #CHANNEL} (sent by PostgreSQL at the commit)
 * tells the other instances ({@link QueuedTaskListener}). A lost notification only delays delivery to the periodic
 * check.
 */
@Component
public class QueuedTaskNotifier {

	/** The PostgreSQL notification channel; the payload is the agent's id. */
	static final String CHANNEL = "iterdef_task_queued";

	private static final Logger log = LoggerFactory.getLogger(QueuedTaskNotifier.class);

	private final WaitingPolls polls;

	private final JdbcClient jdbc;

	QueuedTaskNotifier(WaitingPolls polls, JdbcClient jdbc) {
		this.polls = polls;
		this.jdbc = jdbc;
	}

	public void queued(UUID agentId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					polls.wake(agentId);
				}
			});
		}
		else {
			polls.wake(agentId);
		}
		try {
			jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :agent)").param("agent", agentId.toString()).query().singleRow();
		}
		catch (RuntimeException ex) {
			log.warn("could not notify the other server instances of a task for agent {} (they find it at their "
					+ "next periodic check): {}", agentId, ex.getMessage());
		}
	}

}
