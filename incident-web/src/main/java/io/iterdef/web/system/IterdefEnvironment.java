package io.iterdef.web.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one place that reads the ITERDEF_* environment variables and maps them to Spring properties.
 * The mapped values are added with the lowest precedence, so explicit spring.* properties (command
 * line, test properties) still win.
 */
public class IterdefEnvironment implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "iterdefEnvironment";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties(environment)));
	}

	static Map<String, Object> properties(Environment env) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("spring.datasource.url", get(env, "ITERDEF_DB_URL", "jdbc:postgresql://127.0.0.1:5432/iterdef"));
		p.put("spring.datasource.username", get(env, "ITERDEF_DB_USER", "postgres"));
		p.put("spring.datasource.password", get(env, "ITERDEF_DB_PASSWORD", ""));
		p.put("server.port", get(env, "ITERDEF_WEB_PORT", "8080"));
		p.put("iterdef.admin.user", get(env, "ITERDEF_ADMIN_USER", "admin"));
		p.put("iterdef.admin.password", get(env, "ITERDEF_ADMIN_PASSWORD", ""));
		p.put("server.servlet.session.timeout", get(env, "ITERDEF_SESSION_TIMEOUT", "30m"));
		p.put("iterdef.topics.partitions", get(env, "ITERDEF_TOPIC_PARTITIONS", "3"));
		p.put("iterdef.topics.replication", get(env, "ITERDEF_TOPIC_REPLICATION", "1"));
		p.put("iterdef.incidents.reopen-within", get(env, "ITERDEF_INCIDENT_REOPEN_WITHIN", "PT1H"));
		kafka(env, p);
		notifications(env, p);
		elasticsearch(env, p);
		agentServer(env, p);
		return p;
	}

	/** The agent server's admin API (agents, tasks, hunts, approvals): URL, token and the CA its certificate is from. */
	private static void agentServer(Environment env, Map<String, Object> p) {
		p.put("iterdef.agent.admin-url", get(env, "ITERDEF_AGENT_ADMIN_URL", "https://127.0.0.1:8443"));
		p.put("iterdef.agent.admin-token", get(env, "ITERDEF_AGENT_ADMIN_TOKEN", ""));
		String dataDir = get(env, "ITERDEF_DATA_DIR", "data");
		p.put("iterdef.agent.server-ca", get(env, "ITERDEF_AGENT_SERVER_CA",
				Path.of(dataDir, "agent-server", "ca.crt").toString()));
	}

	/** The Elasticsearch the search pages read (the one the indexer writes): URL and optional credentials. */
	private static void elasticsearch(Environment env, Map<String, Object> p) {
		p.put("iterdef.es.url", get(env, "ITERDEF_ES_URL", "http://127.0.0.1:9200"));
		p.put("iterdef.es.api-key", get(env, "ITERDEF_ES_API_KEY", ""));
		p.put("iterdef.es.username", get(env, "ITERDEF_ES_USERNAME", ""));
		p.put("iterdef.es.password", get(env, "ITERDEF_ES_PASSWORD", ""));
		p.put("iterdef.search.export-max-rows", get(env, "ITERDEF_SEARCH_EXPORT_MAX", "10000"));
	}

	/** Escalation poll, notification mail (SMTP) and the public URL used in notification links. */
	private static void notifications(Environment env, Map<String, Object> p) {
		p.put("iterdef.escalation.poll-interval", get(env, "ITERDEF_ESCALATION_POLL_INTERVAL", "PT5S"));
		p.put("iterdef.escalation.enabled", get(env, "ITERDEF_ESCALATION_ENABLED", "true"));
		p.put("iterdef.public-url", get(env, "ITERDEF_PUBLIC_URL", "http://127.0.0.1:8080"));
		p.put("iterdef.notify.mail-from", get(env, "ITERDEF_MAIL_FROM", "iterdef@localhost"));
		p.put("iterdef.sla.notify", get(env, "ITERDEF_SLA_NOTIFY", ""));
		String smtpHost = get(env, "ITERDEF_SMTP_HOST", "");
		if (smtpHost.isEmpty()) {
			// No spring.mail.host: no mail sender; mail notifications fail with a clear error and are retried.
			return;
		}
		p.put("spring.mail.host", smtpHost);
		p.put("spring.mail.port", get(env, "ITERDEF_SMTP_PORT", "25"));
		String user = get(env, "ITERDEF_SMTP_USER", "");
		if (!user.isEmpty()) {
			p.put("spring.mail.username", user);
			p.put("spring.mail.password", get(env, "ITERDEF_SMTP_PASSWORD", ""));
			p.put("spring.mail.properties.mail.smtp.auth", "true");
		}
		if (Boolean.parseBoolean(get(env, "ITERDEF_SMTP_STARTTLS", "false"))) {
			p.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
			p.put("spring.mail.properties.mail.smtp.starttls.required", "true");
		}
		p.put("spring.mail.properties.mail.smtp.connectiontimeout", "10000");
		p.put("spring.mail.properties.mail.smtp.timeout", "10000");
		p.put("spring.mail.properties.mail.smtp.writetimeout", "10000");
	}

	private static void kafka(Environment env, Map<String, Object> p) {
		p.put("spring.kafka.bootstrap-servers", get(env, "ITERDEF_KAFKA", "127.0.0.1:9092"));
		String protocol = get(env, "ITERDEF_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").toUpperCase(Locale.ROOT);
		p.put("spring.kafka.security.protocol", protocol);
		if (protocol.startsWith("SASL_")) {
			String mechanism = get(env, "ITERDEF_KAFKA_SASL_MECHANISM", "PLAIN").toUpperCase(Locale.ROOT);
			p.put("spring.kafka.properties.sasl.mechanism", mechanism);
			String user = get(env, "ITERDEF_KAFKA_USERNAME", "");
			if (!user.isEmpty()) {
				p.put("spring.kafka.properties.sasl.jaas.config",
						jaasConfig(mechanism, user, get(env, "ITERDEF_KAFKA_PASSWORD", "")));
			}
		}
		String trustStore = get(env, "ITERDEF_KAFKA_TRUSTSTORE", "");
		if (!trustStore.isEmpty()) {
			p.put("spring.kafka.properties.ssl.truststore.location", trustStore);
			String trustStorePassword = get(env, "ITERDEF_KAFKA_TRUSTSTORE_PASSWORD", "");
			if (!trustStorePassword.isEmpty()) {
				p.put("spring.kafka.properties.ssl.truststore.password", trustStorePassword);
			}
		}
	}

	static String jaasConfig(String mechanism, String user, String password) {
		String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
				: "org.apache.kafka.common.security.plain.PlainLoginModule";
		return module + " required username=\"" + jaasEscape(user) + "\" password=\"" + jaasEscape(password) + "\";";
	}

	private static String jaasEscape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String get(Environment env, String name, String defaultValue) {
		String value = env.getProperty(name);
		return (value == null || value.isBlank()) ? defaultValue : value;
	}

}
