package io.iterdef.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.identity.Identity;
import io.iterdef.agent.identity.IdentityStore;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.task.TaskRunner;
import io.iterdef.agent.transport.AgentClient;
import io.iterdef.agent.transport.ApiException;
import io.iterdef.agent.transport.Backoff;
import io.iterdef.agent.update.Restart;

/**
 * One agent's life: enroll when there is no identity, then long-poll; run each leased task and send its result;
 * pause between polls (the server's interval with jitter) and back off exponentially after errors. A 401 means
 * the credential was revoked (or the server forgot it): the agent drops its identity and enrolls again.
 */
final class PollLoop {

	private final AgentClient client;

	private final IdentityStore identities;

	private final TaskRunner runner;

	private final Backoff backoff;

	private final Map<String, String> labels;

	private final String enrollmentSecret;

	private final int waitSeconds;

	private final int maxTasks;

	private final Restart restart;

	private Identity identity;

	private int pollSeconds = 5;

	private int failures;

	/** Results not yet accepted by the server (e.g. the network failed): sent again before the next poll. */
	private final Map<String, TaskResult> pending = new LinkedHashMap<>();

	PollLoop(AgentClient client, IdentityStore identities, TaskRunner runner, Backoff backoff,
			Map<String, String> labels, String enrollmentSecret, int waitSeconds, int maxTasks) {
		this(client, identities, runner, backoff, labels, enrollmentSecret, waitSeconds, maxTasks, new Restart());
	}

	PollLoop(AgentClient client, IdentityStore identities, TaskRunner runner, Backoff backoff,
			Map<String, String> labels, String enrollmentSecret, int waitSeconds, int maxTasks, Restart restart) {
		this.restart = restart;
		this.client = client;
		this.identities = identities;
		this.runner = runner;
		this.backoff = backoff;
		this.labels = labels;
		this.enrollmentSecret = enrollmentSecret;
		this.waitSeconds = waitSeconds;
		this.maxTasks = maxTasks;
	}

	/**
	 * Runs until the thread is interrupted, or until an update asked for a restart and every result (the update's
	 * among them) has been sent.
	 */
	void run() throws InterruptedException {
		while (!Thread.currentThread().isInterrupted()) {
			Duration pause = runOnce();
			if (restartDue()) {
				return;
			}
			Thread.sleep(pause.toMillis());
		}
	}

	boolean restartDue() {
		return restart.requested() && pending.isEmpty();
	}

	/** One round: enroll if needed, poll once, run what came; returns the pause before the next round. */
	Duration runOnce() throws InterruptedException {
		try {
			ensureEnrolled();
			sendPending();
			if (restart.requested()) {
				return Duration.ZERO; // the update's result is sent: no new work for this version
			}
			PollResponse response = client
				.poll(new PollRequest(HostFactsCollector.collect(labels), waitSeconds, maxTasks));
			for (TaskAssignment task : response.tasks()) {
				if (restart.requested()) {
					break; // an update is installed: the rest waits for the new version (leases run out, tasks retry)
				}
				TaskResult result = runner.run(task);
				log("task " + task.taskId() + " (" + task.type() + ") " + result.status()
						+ (result.error() == null ? "" : ": " + result.error()));
				pending.put(task.taskId(), result);
			}
			sendPending();
			failures = 0;
			if (!response.tasks().isEmpty()) {
				return Duration.ZERO; // more work may be waiting
			}
			int next = response.nextPollSeconds() > 0 ? response.nextPollSeconds() : pollSeconds;
			return backoff.nextPoll(Duration.ofSeconds(next));
		}
		catch (ApiException ex) {
			if (ex.unauthorized() && identity != null) {
				log("the server refused the credential (revoked?): enrolling again");
				identity = null;
				try {
					identities.delete();
				}
				catch (IOException deleteFailed) {
					return failed(deleteFailed);
				}
				return Duration.ZERO;
			}
			return failed(ex);
		}
		catch (IOException ex) {
			return failed(ex);
		}
	}

	/**
	 * Sends the results the server has not accepted yet, oldest first. A 4xx other than 401 (the task expired, or
	 * its lease went to another attempt) drops the result: sending it again would not change the answer.
	 */
	private void sendPending() throws IOException, InterruptedException {
		Iterator<Map.Entry<String, TaskResult>> results = pending.entrySet().iterator();
		while (results.hasNext()) {
			Map.Entry<String, TaskResult> result = results.next();
			try {
				client.result(result.getKey(), result.getValue());
			}
			catch (ApiException ex) {
				if (ex.unauthorized() || ex.status() >= 500) {
					throw ex;
				}
				log("the server refused the result of task " + result.getKey() + ", dropping it: " + ex.getMessage());
			}
			results.remove();
		}
	}

	int pendingResults() {
		return pending.size();
	}

	Optional<Identity> identity() {
		return Optional.ofNullable(identity);
	}

	private void ensureEnrolled() throws IOException, InterruptedException {
		if (identity == null) {
			identity = identities.load().orElse(null);
		}
		if (identity == null) {
			EnrollResponse enrolled = client
				.enroll(new EnrollRequest(enrollmentSecret, HostFactsCollector.collect(labels)));
			identity = new Identity(enrolled.agentId(), enrolled.credential());
			identities.save(identity);
			if (enrolled.pollSeconds() > 0) {
				pollSeconds = enrolled.pollSeconds();
			}
			log("enrolled as agent " + identity.agentId() + "; identity in " + identities.file());
		}
		client.identity(identity);
	}

	private Duration failed(IOException ex) {
		failures++;
		Duration pause = backoff.afterFailures(failures);
		log("error (" + failures + " in a row), next try in " + pause.toMillis() + " ms: " + describe(ex));
		return pause;
	}

	/** What went wrong and what to check: the certificate pin, the connection, or the server's answer. */
	static String describe(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.security.cert.CertificateException) {
				return "TLS refused: " + cause.getMessage();
			}
			if (cause instanceof java.net.ConnectException) {
				return "cannot connect to the server (is it running, is server.url right?)";
			}
			if (cause instanceof java.net.http.HttpTimeoutException) {
				return "the server did not answer in time";
			}
		}
		return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
	}

	private static void log(String message) {
		System.err.println(java.time.Instant.now() + " iterdef-agent: " + message);
	}

}
