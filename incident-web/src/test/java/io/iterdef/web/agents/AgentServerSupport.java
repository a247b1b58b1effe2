package io.iterdef.web.agents;

import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the ITs that change things through the real agent server: it runs as a child process
 * ({@link AgentServerProcess}, one per test JVM) on the ITs' database, and the web app is pointed at it (URL, admin token, its CA).
 */
abstract class AgentServerSupport extends StackSupport {

	static AgentServerProcess agentServer;

	@Autowired
	JdbcClient jdbc;

	/**
	 * One agent server per test JVM (the cached application context keeps its URL), stopped when the JVM ends.
	 */
	@BeforeAll
	static synchronized void startAgentServer() throws Exception {
		if (agentServer == null) {
			agentServer = AgentServerProcess.start(stack());
			Runtime.getRuntime().addShutdownHook(new Thread(agentServer::close, "agent-server-stop"));
		}
	}

	@DynamicPropertySource
	static void agentServerProperties(DynamicPropertyRegistry registry) {
		registry.add("iterdef.agent.admin-url", () -> agentServer.adminUrl());
		registry.add("iterdef.agent.admin-token", () -> AgentServerProcess.ADMIN_TOKEN);
		registry.add("iterdef.agent.server-ca", () -> agentServer.caFile().toString());
	}

	/** A random host name of these tests (never collides with other tests' rows). */
	static String newHostname() {
		return "web8-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example.org";
	}

	String taskState(UUID taskId) {
		return jdbc.sql("SELECT state FROM tasks WHERE id = :id").param("id", taskId).query(String.class).single();
	}

}
