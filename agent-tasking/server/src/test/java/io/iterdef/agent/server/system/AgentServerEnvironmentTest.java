package io.iterdef.agent.server.system;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AgentServerEnvironmentTest {

	@TempDir
	Path dir;

	@Test
	void shouldGenerateTheKeyStoreUnderTheDataDirWhenNoneIsConfigured() {
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_DATA_DIR", dir.toString())
			.withProperty("ITERDEF_AGENT_ENROLLMENT_SECRET", "s")
			.withProperty("ITERDEF_KAFKA", "k1:9092")
			.withProperty("ITERDEF_TOPIC_PREFIX", "t1.");

		Map<String, Object> p = AgentServerEnvironment.properties(env);

		assertThat(p).containsEntry("server.port", "8443")
			.containsEntry("server.ssl.enabled", "true")
			.containsEntry("server.ssl.key-store", "file:" + dir.toAbsolutePath().resolve("agent-server/server.p12"))
			.containsEntry("iterdef.agent.enrollment-secret", "s")
			.containsEntry("iterdef.agent.max-upload-bytes", "67108864")
			.containsEntry("spring.kafka.bootstrap-servers", "k1:9092")
			.containsEntry("iterdef.topics.raw", "t1.iterdef.raw")
			.containsEntry("iterdef.agent.approval-required", "true");
		assertThat((String) p.get("server.ssl.key-store-password")).isNotBlank();
	}

	@Test
	void shouldUseAConfiguredKeyStore() {
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_AGENT_TLS_KEYSTORE", "/etc/iterdef/agent.p12")
			.withProperty("ITERDEF_AGENT_TLS_KEYSTORE_PASSWORD", "pw")
			.withProperty("ITERDEF_AGENT_PORT", "9443")
			.withProperty("ITERDEF_DATA_DIR", dir.toString());

		Map<String, Object> p = AgentServerEnvironment.properties(env);

		assertThat(p).containsEntry("server.ssl.key-store", "file:/etc/iterdef/agent.p12")
			.containsEntry("server.ssl.key-store-password", "pw")
			.containsEntry("server.port", "9443");
		assertThat(dir.resolve("agent-server")).doesNotExist();
	}

	@Test
	void shouldMapTheRuleTaskVariablesAndPrefixTheTasksTopicAndGroup() {
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_DATA_DIR", dir.toString())
			.withProperty("ITERDEF_TOPIC_PREFIX", "t1.")
			.withProperty("ITERDEF_AGENT_RULE_TASKS_PER_HOST", "3")
			.withProperty("ITERDEF_AGENT_RULE_RATE_WINDOW", "PT1H")
			.withProperty("ITERDEF_AGENT_RULE_DRY_RUN", "true");

		Map<String, Object> p = AgentServerEnvironment.properties(env);

		assertThat(p).containsEntry("iterdef.topics.tasks", "t1.iterdef.tasks")
			.containsEntry("iterdef.agent.rules.group", "t1.iterdef-agent-server")
			.containsEntry("iterdef.agent.rules.per-host", "3")
			.containsEntry("iterdef.agent.rules.window", "PT1H")
			.containsEntry("iterdef.agent.rules.dry-run", "true");
		assertThat(AgentServerEnvironment.properties(new MockEnvironment().withProperty("ITERDEF_DATA_DIR", dir.toString())))
			.containsEntry("iterdef.topics.tasks", "iterdef.tasks")
			.containsEntry("iterdef.agent.rules.per-host", "5")
			.containsEntry("iterdef.agent.rules.window", "PT10M")
			.containsEntry("iterdef.agent.rules.dry-run", "false");
	}

}
