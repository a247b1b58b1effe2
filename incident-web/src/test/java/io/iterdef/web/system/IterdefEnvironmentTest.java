package io.iterdef.web.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class IterdefEnvironmentTest {

	@Test
	void shouldUseContractDefaultsWhenNothingIsSet() {
		Map<String, Object> p = IterdefEnvironment.properties(new MockEnvironment());

		assertThat(p).containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/iterdef")
			.containsEntry("spring.datasource.username", "postgres")
			.containsEntry("spring.datasource.password", "")
			.containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:9092")
			.containsEntry("spring.kafka.security.protocol", "PLAINTEXT")
			.containsEntry("server.port", "8080")
			.containsEntry("iterdef.admin.user", "admin")
			.containsEntry("iterdef.incidents.reopen-within", "PT1H")
			.containsEntry("server.servlet.session.timeout", "30m")
			.doesNotContainKey("spring.kafka.properties.sasl.jaas.config")
			.doesNotContainKey("spring.kafka.properties.ssl.truststore.location");
	}

	@Test
	void shouldMapDatabaseAndPortWhenVariablesAreSet() {
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_DB_URL", "jdbc:postgresql://db:5432/x")
			.withProperty("ITERDEF_DB_USER", "iterdef")
			.withProperty("ITERDEF_DB_PASSWORD", " s3cret ")
			.withProperty("ITERDEF_WEB_PORT", "9090")
			.withProperty("ITERDEF_SESSION_TIMEOUT", "2h");

		assertThat(IterdefEnvironment.properties(env)).containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/x")
			.containsEntry("spring.datasource.username", "iterdef")
			.containsEntry("spring.datasource.password", " s3cret ")
			.containsEntry("server.port", "9090")
			.containsEntry("server.servlet.session.timeout", "2h");
	}

	@Test
	void shouldBuildScramJaasConfigAndTrustStoreWhenSaslSslIsConfigured() {
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_KAFKA", "k1:9093,k2:9093")
			.withProperty("ITERDEF_KAFKA_SECURITY_PROTOCOL", "sasl_ssl")
			.withProperty("ITERDEF_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
			.withProperty("ITERDEF_KAFKA_USERNAME", "web")
			.withProperty("ITERDEF_KAFKA_PASSWORD", "p\"w")
			.withProperty("ITERDEF_KAFKA_TRUSTSTORE", "/etc/kafka/truststore.p12")
			.withProperty("ITERDEF_KAFKA_TRUSTSTORE_PASSWORD", "changeit");

		assertThat(IterdefEnvironment.properties(env)).containsEntry("spring.kafka.bootstrap-servers", "k1:9093,k2:9093")
			.containsEntry("spring.kafka.security.protocol", "SASL_SSL")
			.containsEntry("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("spring.kafka.properties.sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"web\" password=\"p\\\"w\";")
			.containsEntry("spring.kafka.properties.ssl.truststore.location", "/etc/kafka/truststore.p12")
			.containsEntry("spring.kafka.properties.ssl.truststore.password", "changeit");
	}

	@Test
	void shouldUsePlainLoginModuleWhenMechanismIsPlain() {
		assertThat(IterdefEnvironment.jaasConfig("PLAIN", "u", "p"))
			.isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";");
	}

	@Test
	void shouldLeaveMailUnconfiguredAndUseEscalationDefaultsWhenNoSmtpHostIsSet() {
		assertThat(IterdefEnvironment.properties(new MockEnvironment())).doesNotContainKey("spring.mail.host")
			.containsEntry("iterdef.escalation.poll-interval", "PT5S")
			.containsEntry("iterdef.escalation.enabled", "true")
			.containsEntry("iterdef.public-url", "http://127.0.0.1:8080")
			.containsEntry("iterdef.notify.mail-from", "iterdef@localhost");
	}

	@Test
	void shouldMapSmtpPublicUrlAndPollIntervalWhenVariablesAreSet() {
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_SMTP_HOST", "smtp.example.org")
			.withProperty("ITERDEF_SMTP_PORT", "587")
			.withProperty("ITERDEF_SMTP_USER", "iterdef")
			.withProperty("ITERDEF_SMTP_PASSWORD", "pw")
			.withProperty("ITERDEF_MAIL_FROM", "soc@example.org")
			.withProperty("ITERDEF_PUBLIC_URL", "https://iterdef.example.org")
			.withProperty("ITERDEF_ESCALATION_POLL_INTERVAL", "PT10S");

		assertThat(IterdefEnvironment.properties(env)).containsEntry("spring.mail.host", "smtp.example.org")
			.containsEntry("spring.mail.port", "587")
			.containsEntry("spring.mail.username", "iterdef")
			.containsEntry("spring.mail.password", "pw")
			.containsEntry("spring.mail.properties.mail.smtp.auth", "true")
			.containsEntry("iterdef.notify.mail-from", "soc@example.org")
			.containsEntry("iterdef.public-url", "https://iterdef.example.org")
			.containsEntry("iterdef.escalation.poll-interval", "PT10S");
	}

	@Test
	void shouldMapTheAgentServerAdminApiWithTheGeneratedCaAsDefaultTrust() {
		assertThat(IterdefEnvironment.properties(new MockEnvironment()))
			.containsEntry("iterdef.agent.admin-url", "https://127.0.0.1:8443")
			.containsEntry("iterdef.agent.admin-token", "")
			.containsEntry("iterdef.agent.server-ca", java.nio.file.Path.of("data", "agent-server", "ca.crt").toString());
		MockEnvironment env = new MockEnvironment().withProperty("ITERDEF_DATA_DIR", "/var/lib/iterdef")
			.withProperty("ITERDEF_AGENT_ADMIN_URL", "https://agents.example.org:9443")
			.withProperty("ITERDEF_AGENT_ADMIN_TOKEN", "t0ken");
		assertThat(IterdefEnvironment.properties(env))
			.containsEntry("iterdef.agent.admin-url", "https://agents.example.org:9443")
			.containsEntry("iterdef.agent.admin-token", "t0ken")
			.containsEntry("iterdef.agent.server-ca", "/var/lib/iterdef/agent-server/ca.crt");
		assertThat(IterdefEnvironment.properties(env.withProperty("ITERDEF_AGENT_SERVER_CA", "/etc/iterdef/agents-ca.pem")))
			.containsEntry("iterdef.agent.server-ca", "/etc/iterdef/agents-ca.pem");
	}

}
