package io.iterdef.web.agents;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentServerClientTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void shouldSayWhatToSetWhenTheTokenIsMissing() {
		AgentServerClient client = new AgentServerClient(JSON, "https://127.0.0.1:1", "", dir.resolve("ca.crt").toString());
		assertThatThrownBy(() -> client.get("/admin/v1/agents")).isInstanceOf(AgentServerException.class)
			.hasMessageContaining("ITERDEF_AGENT_ADMIN_TOKEN is not set");
	}

	@Test
	void shouldSayWhichCaFileIsMissingAndWhatToSet() {
		AgentServerClient client = new AgentServerClient(JSON, "https://127.0.0.1:1", "t", dir.resolve("ca.crt").toString());
		assertThatThrownBy(() -> client.post("/admin/v1/tasks", Map.of(), "alice"))
			.isInstanceOfSatisfying(AgentServerException.class, ex -> {
				assertThat(ex.error()).contains(dir.resolve("ca.crt").toString()).contains("cannot be read");
				assertThat(ex.hint()).contains("ITERDEF_AGENT_SERVER_CA");
			});
	}

	@Test
	void shouldSayHowToStartTheServerWhenNothingListens() throws Exception {
		Path ca = selfSignedPem();
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AgentServerClient client = new AgentServerClient(JSON, "https://127.0.0.1:" + closedPort, "t", ca.toString());
		assertThatThrownBy(() -> client.get("/admin/v1/agents")).isInstanceOfSatisfying(AgentServerException.class,
				ex -> assertThat(ex.userMessage()).isEqualTo("The agent server at https://127.0.0.1:" + closedPort
						+ " is not reachable: start it (./iterdef up starts it) or set ITERDEF_AGENT_ADMIN_URL"));
	}

	/** A CA certificate in PEM made by the JDK's keytool. */
	private Path selfSignedPem() throws IOException, InterruptedException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Path store = dir.resolve("ca.p12");
		run(keytool.toString(), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=test ca", "-keystore",
				store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-validity", "2");
		Path pem = dir.resolve("ca.crt");
		run(keytool.toString(), "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass",
				"changeit", "-file", pem.toString());
		assertThat(Files.readString(pem)).contains("BEGIN CERTIFICATE");
		return pem;
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
	}

}
