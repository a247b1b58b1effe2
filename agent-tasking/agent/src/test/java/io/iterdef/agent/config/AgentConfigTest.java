package io.iterdef.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

	private static final String FINGERPRINT = "AB:".repeat(31) + "AB";

	@Test
	void shouldReadEveryKeyWhenTheFileIsComplete(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("agent.properties");
		Files.writeString(file, """
				server.url=https://agents.example.org:8443
				server.fingerprint=%s
				enrollment.secret=s3cret
				state.dir=%s
				labels=site=fra, role=dc
				poll.wait.seconds=10
				poll.max.tasks=2
				host.name=FIN-WS07.corp.example.org
				""".formatted(FINGERPRINT, dir.resolve("state").toString().replace("\\", "\\\\")));

		AgentConfig config = AgentConfig.load(file);

		assertThat(config.serverUrl().toString()).isEqualTo("https://agents.example.org:8443");
		assertThat(config.serverFingerprint()).isEqualTo("ab".repeat(32));
		assertThat(config.enrollmentSecret()).isEqualTo("s3cret");
		assertThat(config.stateDir()).isEqualTo(dir.resolve("state"));
		assertThat(config.labels()).isEqualTo(Map.of("site", "fra", "role", "dc"));
		assertThat(config.pollWaitSeconds()).isEqualTo(10);
		assertThat(config.maxTasks()).isEqualTo(2);
		assertThat(config.hostName()).isEqualTo("fin-ws07.corp.example.org");
	}

	@Test
	void shouldListEveryMissingKeyWhenTheFileIsEmpty() {
		assertThatThrownBy(() -> AgentConfig.from(new Properties(), "test.properties"))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("server.url is missing")
			.hasMessageContaining("server.fingerprint is missing")
			.hasMessageContaining("enrollment.secret is missing")
			.hasMessageContaining("state.dir is missing");
	}

	@Test
	void shouldRefuseBadValuesWithWhatToDo() {
		Properties properties = new Properties();
		properties.setProperty("server.url", "http://agents.example.org");
		properties.setProperty("server.fingerprint", "abc");
		properties.setProperty("enrollment.secret", "x");
		properties.setProperty("state.dir", "/tmp/x");
		properties.setProperty("labels", "site");
		properties.setProperty("poll.wait.seconds", "600");
		properties.setProperty("host.name", "bad host/name");

		assertThatThrownBy(() -> AgentConfig.from(properties, "test.properties"))
			.hasMessageContaining("server.url must be an https:// URL")
			.hasMessageContaining("server.fingerprint must be the SHA-256")
			.hasMessageContaining("labels must be key=value pairs")
			.hasMessageContaining("poll.wait.seconds must be a whole number from 1 to 60")
			.hasMessageContaining("host.name must be a DNS name");
	}

	@Test
	void shouldSayHowToPassTheFileWhenItDoesNotExist(@TempDir Path dir) {
		assertThatThrownBy(() -> AgentConfig.load(dir.resolve("missing.properties")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("does not exist")
			.hasMessageContaining("first argument");
	}

	@Test
	void shouldReadTheReleaseKeyWhenUpdatePublicKeyIsSet() throws Exception {
		java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Properties properties = minimal();
		properties.setProperty("update.public.key",
				java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));

		assertThat(AgentConfig.from(properties, "test.properties").updatePublicKey()).isEqualTo(pair.getPublic());
		assertThat(AgentConfig.from(minimal(), "test.properties").updatePublicKey()).isNull();
	}

	@Test
	void shouldRefuseAnUpdatePublicKeyThatIsNotAnEd25519Key() {
		Properties properties = minimal();
		properties.setProperty("update.public.key", "bm90IGEga2V5");

		assertThatThrownBy(() -> AgentConfig.from(properties, "test.properties")).isInstanceOf(ConfigException.class)
			.hasMessageContaining("update.public.key is not a base64 X.509 Ed25519 public key");
	}

	private static Properties minimal() {
		Properties properties = new Properties();
		properties.setProperty("server.url", "https://agents.example.org:8443");
		properties.setProperty("server.fingerprint", FINGERPRINT);
		properties.setProperty("enrollment.secret", "s3cret");
		properties.setProperty("state.dir", "state");
		return properties;
	}

}
