package io.iterdef.web.agents;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The agent server's admin API: every change the agent pages make goes through it (so its checks — allow-list,
 * budgets, four-eyes, rate limits — are the one source of truth). HTTPS trusting only the CA the agent server
 * generated (ITERDEF_AGENT_SERVER_CA), the admin token, and the acting user in X-Iterdef-Actor. Its JSON errors
 * come back as {@link AgentServerException} with its own text.
 */
@Component
public class AgentServerClient {

	static final String ACTOR_HEADER = "X-Iterdef-Actor";

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final ObjectMapper json;

	private final String baseUrl;

	private final String token;

	private final Path caFile;

	private HttpClient http;

	AgentServerClient(ObjectMapper json, @Value("${iterdef.agent.admin-url:https://127.0.0.1:8443}") String baseUrl,
			@Value("${iterdef.agent.admin-token:}") String token,
			@Value("${iterdef.agent.server-ca:data/agent-server/ca.crt}") String caFile) {
		this.json = json;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.token = token;
		this.caFile = Path.of(caFile);
	}

	public String baseUrl() {
		return baseUrl;
	}

	/** POSTs a JSON body as the acting user; the answer's JSON object (empty for 204). */
	public Map<String, Object> post(String path, Object body, String actor) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.header(ACTOR_HEADER, actor)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body == null ? Map.of() : body)));
		return send(request.build());
	}

	public Map<String, Object> get(String path) {
		return send(request(path).GET().build());
	}

	private HttpRequest.Builder request(String path) {
		if (token == null || token.isBlank()) {
			throw new AgentServerException(503, "ITERDEF_AGENT_ADMIN_TOKEN is not set",
					"set it to the agent server's admin token (the same value the agent server was started with)");
		}
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private Map<String, Object> send(HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = http().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException | HttpTimeoutException ex) {
			throw unreachable();
		}
		catch (SSLException ex) {
			throw new AgentServerException(503, "The agent server at " + baseUrl + " presented a certificate not signed by "
					+ caFile.toAbsolutePath() + " (" + ex.getMessage() + ")",
					"set ITERDEF_AGENT_SERVER_CA to the ca.crt of that agent server (its ITERDEF_DATA_DIR/agent-server/ca.crt)");
		}
		catch (IOException ex) {
			throw unreachable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable();
		}
		Map<String, Object> body = parse(response.body());
		if (response.statusCode() >= 400) {
			Object error = body.get("error");
			throw new AgentServerException(response.statusCode(),
					error == null ? "the agent server answered " + response.statusCode() : String.valueOf(error),
					body.get("hint") == null ? "" : String.valueOf(body.get("hint")));
		}
		return body;
	}

	private AgentServerException unreachable() {
		return new AgentServerException(503, "The agent server at " + baseUrl + " is not reachable",
				"start it (./iterdef up starts it) or set ITERDEF_AGENT_ADMIN_URL");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String body) {
		if (body == null || body.isBlank()) {
			return Map.of();
		}
		try {
			Object value = json.readValue(body, Object.class);
			return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", value);
		}
		catch (JacksonException ex) {
			Map<String, Object> text = new LinkedHashMap<>();
			text.put("error", body.length() > 300 ? body.substring(0, 300) : body);
			return text;
		}
	}

	private synchronized HttpClient http() {
		if (http == null) {
			http = HttpClient.newBuilder().sslContext(trusting(caFile)).connectTimeout(Duration.ofSeconds(5)).build();
		}
		return http;
	}

	/** An SSL context that trusts the certificates of this PEM file and nothing else. */
	static SSLContext trusting(Path caFile) {
		try (InputStream in = Files.newInputStream(caFile)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new GeneralSecurityException("no certificate in the file");
			}
			KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
			trust.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				trust.setCertificateEntry("ca-" + i++, certificate);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new AgentServerException(503, "The agent server's CA certificate " + caFile.toAbsolutePath()
					+ " cannot be read (" + ex.getMessage() + ")",
					"set ITERDEF_AGENT_SERVER_CA to the ca.crt the agent server generated (its ITERDEF_DATA_DIR/agent-server/ca.crt)");
		}
	}

}
