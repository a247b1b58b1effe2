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

}
