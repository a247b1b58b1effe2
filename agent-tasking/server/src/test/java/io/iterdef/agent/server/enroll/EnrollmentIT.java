package io.iterdef.agent.server.enroll;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.ErrorResponse;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import io.iterdef.agent.server.system.Secrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentIT extends AgentServerStackSupport {

	@Test
	void shouldEnrollAndStoreOnlyTheCredentialsHashWhenTheSecretIsRight() {
		enrollLimiter.clear();
		AgentClient agent = client();
		String hostname = AgentClient.newHostname();

		HttpResponse<String> response = agent.enroll(SECRET, hostname.toUpperCase());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		EnrollResponse enrolled = AgentClient.JSON.readValue(response.body(), EnrollResponse.class);
		assertThat(enrolled.credential()).hasSizeGreaterThanOrEqualTo(40);
		String stored = jdbc.sql("SELECT credential_hash FROM agents WHERE id = :id AND hostname = :host")
			.param("id", UUID.fromString(enrolled.agentId()))
			.param("host", hostname)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(Secrets.hash(enrolled.credential())).doesNotContain(enrolled.credential());
	}

	@Test
	void shouldRefuseAWrongSecretWith401() {
		enrollLimiter.clear();
		HttpResponse<String> response = client().enroll("not-the-secret", AgentClient.newHostname());

		assertThat(response.statusCode()).isEqualTo(401);
		ErrorResponse error = AgentClient.JSON.readValue(response.body(), ErrorResponse.class);
		assertThat(error.error()).isEqualTo("wrong enrollment secret");
		assertThat(error.hint()).contains("ITERDEF_AGENT_ENROLLMENT_SECRET");
	}

	@Test
	void shouldRefuseASecondClaimOnAHostUntilTheHolderIsRevoked() {
		AgentClient first = enrolledAgent();
		String hostname = jdbc.sql("SELECT hostname FROM agents WHERE id = :id")
			.param("id", UUID.fromString(first.agentId()))
			.query(String.class)
			.single();

		HttpResponse<String> duplicate = client().enroll(SECRET, hostname);
		assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
		assertThat(duplicate.body()).contains("revoke");

		assertThat(first.revoke(ADMIN_TOKEN, first.agentId()).statusCode()).isEqualTo(204);
		AgentClient second = client();
		assertThat(second.enroll(SECRET, hostname).statusCode()).isEqualTo(200);
		assertThat(second.agentId()).isNotEqualTo(first.agentId());
	}

	@Test
	void shouldAnswer429WithRetryAfterPastTheRateLimitPerAddress() {
		enrollLimiter.clear();
		AgentClient agent = client();
		// The ITs allow 5 attempts a minute; wrong secrets count too.
		for (int i = 0; i < 5; i++) {
			assertThat(agent.enroll("wrong", AgentClient.newHostname()).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> limited = agent.enroll(SECRET, AgentClient.newHostname());

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(limited.body()).contains("too many enrollment attempts");
		enrollLimiter.clear();
	}

	@Test
	void shouldRefuseABadHostName() {
		enrollLimiter.clear();
		HttpResponse<String> response = client().enroll(SECRET, "bad host/name");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("bad host name");
	}

	@Test
	void shouldServeTheGeneratedCertificateThatOnlyItsOwnerCanRead() throws Exception {
		Path keyStore = Path.of(environment.getProperty("server.ssl.key-store").substring("file:".length()));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore.resolveSibling("server.p12.password"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore.getParent()))).isEqualTo("rwx------");

		AgentClient wrongPin = new AgentClient(port, "00".repeat(32));
		assertThatThrownBy(() -> wrongPin.enroll(SECRET, AgentClient.newHostname()))
			.hasRootCauseInstanceOf(java.security.cert.CertificateException.class);
	}

}
