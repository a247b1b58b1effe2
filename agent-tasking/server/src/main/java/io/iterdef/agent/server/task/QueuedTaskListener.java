package io.iterdef.agent.server.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes the polls waiting in this instance when a task is queued elsewhere: {@code LISTEN}
 * {@value QueuedTaskNotifier#CHANNEL} on a connection of its own (tasks another server instance queued), and every
 * iterdef.agent.poll-recheck one query for all waiting agents that finds tasks queued without a notification
 * (hunt rollouts, approvals, leases that ran out, a notification lost while the connection was down).
 */
@Component
class QueuedTaskListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueuedTaskListener.class);

	/** Agent ids per recheck query. */
	static final int RECHECK_BATCH = 5000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final WaitingPolls polls;

	private volatile Thread thread;

	private final AtomicLong notifications = new AtomicLong();

	QueuedTaskListener(DataSource dataSource, JdbcClient jdbc, WaitingPolls polls) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.polls = polls;
	}

	/** Wakes every waiting agent that has a queued task: one query per {@value #RECHECK_BATCH} waiting agents. */
	@Scheduled(fixedDelayString = "${iterdef.agent.poll-recheck:PT1S}")
	void recheck() {
		List<UUID> waiting = new ArrayList<>(polls.agents());
		try {
			for (int from = 0; from < waiting.size(); from += RECHECK_BATCH) {
				String batch = waiting.subList(from, Math.min(waiting.size(), from + RECHECK_BATCH))
					.stream()
					.map(UUID::toString)
					.collect(java.util.stream.Collectors.joining(",", "{", "}"));
				jdbc.sql("""
						SELECT DISTINCT agent_id FROM tasks
						WHERE state = 'queued' AND expires_at > now() AND agent_id = ANY(CAST(:agents AS uuid[]))""")
					.param("agents", batch)
					.query((rs, n) -> rs.getObject(1, UUID.class))
					.list()
					.forEach(polls::wake);
			}
		}
		catch (RuntimeException ex) {
			log.warn("the periodic check for queued tasks of waiting agents failed (retried): {}", ex.getMessage());
		}
	}

	private void listen() {
		long backoffMillis = 1000;
		while (thread == Thread.currentThread()) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + QueuedTaskNotifier.CHANNEL);
				PGConnection pg = connection.unwrap(PGConnection.class);
				backoffMillis = 1000;
				while (thread == Thread.currentThread()) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							wake(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (thread != Thread.currentThread()) {
					return;
				}
				log.warn("listening for queued tasks failed (the periodic check covers; retrying in {} ms): {}",
						backoffMillis, ex.getMessage());
				try {
					Thread.sleep(backoffMillis);
				}
				catch (InterruptedException interrupted) {
					return;
				}
				backoffMillis = Math.min(30_000, backoffMillis * 2);
			}
		}
	}

	/** Notifications received since the start (tests). */
	long notifications() {
		return notifications.get();
	}

	private void wake(String agentId) {
		notifications.incrementAndGet();
		try {
			polls.wake(UUID.fromString(agentId));
		}
		catch (IllegalArgumentException ex) {
			log.warn("ignored a notification on {} that is not an agent id: {}", QueuedTaskNotifier.CHANNEL, agentId);
		}
	}

	@Override
	public void start() {
		Thread listener = new Thread(this::listen, "queued-task-listener");
		listener.setDaemon(true);
		thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		Thread listener = thread;
		thread = null;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

}
