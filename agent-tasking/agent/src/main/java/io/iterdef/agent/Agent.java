package io.iterdef.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.iterdef.agent.config.AgentConfig;
import io.iterdef.agent.config.ConfigException;
import io.iterdef.agent.executor.Executors;
import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.identity.IdentityStore;
import io.iterdef.agent.task.TaskRunner;
import io.iterdef.agent.transport.AgentClient;
import io.iterdef.agent.transport.Backoff;
import io.iterdef.agent.protocol.PinnedTrustManager;
import io.iterdef.agent.update.Restart;
import io.iterdef.agent.update.UpdateExecutor;

/** {@code java -jar iterdef-agent.jar agent.properties}: see {@link AgentConfig} for the keys. */
public final class Agent {

	private Agent() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 1) {
			System.err.println("usage: java -jar iterdef-agent.jar <agent.properties>\n"
					+ "  keys: server.url, server.fingerprint, enrollment.secret, state.dir, labels (see README, The agent)");
			System.exit(2);
		}
		AgentConfig config;
		try {
			config = AgentConfig.load(Path.of(args[0]));
		}
		catch (ConfigException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (config.hostName() != null) {
			HostFactsCollector.useHostname(config.hostName());
		}
		AgentClient client = new AgentClient(config.serverUrl(),
				PinnedTrustManager.sslContext(config.serverFingerprint()));
		Restart restart = new Restart();
		TaskRunner runner = new TaskRunner(
				Executors.all(config.labels(), new UpdateExecutor(config.updatePublicKey(), client, restart)), client);
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), ThreadLocalRandom.current());
		PollLoop loop = new PollLoop(client, new IdentityStore(config.stateDir()), runner, backoff, config.labels(),
				config.enrollmentSecret(), config.pollWaitSeconds(), config.maxTasks(), restart);
		loop.run();
		if (restart.requested()) {
			System.err.println(java.time.Instant.now() + " iterdef-agent: updated; exiting with " + Restart.EXIT_CODE
					+ " so that the launcher starts the new version");
			System.exit(Restart.EXIT_CODE);
		}
	}

}
