package io.iterdef.agent.server.system;

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
 * The one place that reads the ITERDEF_* environment variables and maps them to Spring properties (lowest
 * precedence, so explicit properties still win). It also provides the TLS key store: the configured one
 * (ITERDEF_AGENT_TLS_KEYSTORE), else the one generated at first start under ITERDEF_DATA_DIR/agent-server/.
 */
public class AgentServerEnvironment implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "iterdefAgentServerEnvironment";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties(environment)));
	}

	static Map<String, Object> properties(Environment env) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("spring.datasource.url", get(env, "ITERDEF_DB_URL", "jdbc:postgresql://127.0.0.1:5432/iterdef"));
		p.put("spring.datasource.username", get(env, "ITERDEF_DB_USER", "postgres"));
		p.put("spring.datasource.password", get(env, "ITERDEF_DB_PASSWORD", ""));
		p.put("server.port", get(env, "ITERDEF_AGENT_PORT", "8443"));
		p.put("server.tomcat.max-connections", get(env, "ITERDEF_AGENT_MAX_CONNECTIONS", "12000"));
		p.put("server.tomcat.accept-count", get(env, "ITERDEF_AGENT_ACCEPT_COUNT", "1000"));
		p.put("server.tomcat.threads.max", get(env, "ITERDEF_AGENT_THREADS", "200"));
		p.put("spring.datasource.hikari.maximum-pool-size", get(env, "ITERDEF_AGENT_DB_POOL", "10"));
		p.put("iterdef.agent.enrollment-secret", get(env, "ITERDEF_AGENT_ENROLLMENT_SECRET", ""));
		p.put("iterdef.agent.admin-token", get(env, "ITERDEF_AGENT_ADMIN_TOKEN", ""));
		p.put("iterdef.agent.max-upload-bytes", get(env, "ITERDEF_AGENT_MAX_UPLOAD_BYTES", "67108864"));
		p.put("iterdef.agent.enroll-per-minute", get(env, "ITERDEF_AGENT_ENROLL_PER_MINUTE", "10"));
		p.put("iterdef.agent.approval-required", get(env, "ITERDEF_AGENT_APPROVAL_REQUIRED", "true"));
		p.put("iterdef.agent.rules.per-host", get(env, "ITERDEF_AGENT_RULE_TASKS_PER_HOST", "5"));
		p.put("iterdef.agent.rules.window", get(env, "ITERDEF_AGENT_RULE_RATE_WINDOW", "PT10M"));
		p.put("iterdef.agent.rules.dry-run", get(env, "ITERDEF_AGENT_RULE_DRY_RUN", "false"));
		p.put("iterdef.agent.rules.group", get(env, "ITERDEF_TOPIC_PREFIX", "") + "iterdef-agent-server");
		p.put("iterdef.topics.raw", get(env, "ITERDEF_TOPIC_PREFIX", "") + "iterdef.raw");
		p.put("iterdef.topics.tasks", get(env, "ITERDEF_TOPIC_PREFIX", "") + "iterdef.tasks");
		p.put("iterdef.topics.partitions", get(env, "ITERDEF_TOPIC_PARTITIONS", "3"));
		p.put("iterdef.topics.replication", get(env, "ITERDEF_TOPIC_REPLICATION", "1"));
		kafka(env, p);
		tls(env, p);
		return p;
	}

	private static void tls(Environment env, Map<String, Object> p) {
		p.put("server.ssl.enabled", "true");
		p.put("server.ssl.key-store-type", "PKCS12");
		String keyStore = get(env, "ITERDEF_AGENT_TLS_KEYSTORE", "");
		if (!keyStore.isEmpty()) {
			p.put("server.ssl.key-store", "file:" + Path.of(keyStore).toAbsolutePath());
			p.put("server.ssl.key-store-password", get(env, "ITERDEF_AGENT_TLS_KEYSTORE_PASSWORD", ""));
			p.put("server.ssl.key-alias", get(env, "ITERDEF_AGENT_TLS_KEY_ALIAS", ServerCertificates.ALIAS));
			return;
		}
		Path dir = Path.of(get(env, "ITERDEF_DATA_DIR", "data")).toAbsolutePath().resolve("agent-server");
		ServerCertificates.Generated generated = ServerCertificates.ensure(dir,
				ServerCertificates.names(get(env, "ITERDEF_AGENT_TLS_NAMES", "")));
		p.put("server.ssl.key-store", "file:" + generated.keyStore());
		p.put("server.ssl.key-store-password", generated.password());
		p.put("server.ssl.key-alias", ServerCertificates.ALIAS);
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
				String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
						: "org.apache.kafka.common.security.plain.PlainLoginModule";
				p.put("spring.kafka.properties.sasl.jaas.config", module + " required username=\"" + jaasEscape(user)
						+ "\" password=\"" + jaasEscape(get(env, "ITERDEF_KAFKA_PASSWORD", "")) + "\";");
			}
		}
		String trustStore = get(env, "ITERDEF_KAFKA_TRUSTSTORE", "");
		if (!trustStore.isEmpty()) {
			p.put("spring.kafka.properties.ssl.truststore.location", trustStore);
			String password = get(env, "ITERDEF_KAFKA_TRUSTSTORE_PASSWORD", "");
			if (!password.isEmpty()) {
				p.put("spring.kafka.properties.ssl.truststore.password", password);
			}
		}
	}

	private static String jaasEscape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String get(Environment env, String name, String defaultValue) {
		String value = env.getProperty(name);
		return (value == null || value.isBlank()) ? defaultValue : value;
	}

}
