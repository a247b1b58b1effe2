package io.iterdef.agent.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.HostFacts;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.server.system.ServerCertificates;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test client of the agent API over HTTPS that trusts exactly the server certificate with the pinned SHA-256
 * (as the agent does), with the credential of one agent once enrolled.
 */
public final class AgentClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	private String credential;

	private String agentId;

	public AgentClient(int port, String pinnedSha256) {
		this.http = HttpClient.newBuilder().sslContext(pinned(pinnedSha256)).connectTimeout(Duration.ofSeconds(5)).build();
		this.base = "https://localhost:" + port;
	}

	public static HostFacts host(String hostname) {
		return new HostFacts(hostname, "linux", "Debian 12", "0.1.0", List.of("127.0.0.1"), Map.of("site", "it"));
	}

	/** Enrolls with the secret; keeps the credential when it works. */
	public HttpResponse<String> enroll(String secret, String hostname) {
		HttpResponse<String> response = post(AgentApi.ENROLL, new EnrollRequest(secret, host(hostname)), null);
		if (response.statusCode() == 200) {
			EnrollResponse enrolled = JSON.readValue(response.body(), EnrollResponse.class);
			credential = enrolled.credential();
			agentId = enrolled.agentId();
		}
		return response;
	}

	public String agentId() {
		return agentId;
	}

	public String credential() {
		return credential;
	}

	public void useCredential(String value) {
		credential = value;
	}

	public HttpResponse<String> poll(int waitSeconds) {
		return post(AgentApi.POLL, new PollRequest(null, waitSeconds, 10), credential);
	}

	public CompletableFuture<HttpResponse<String>> pollAsync(int waitSeconds) {
		return http.sendAsync(request(AgentApi.POLL, credential)
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(new PollRequest(null, waitSeconds, 10))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static PollResponse tasks(HttpResponse<String> response) {
		return JSON.readValue(response.body(), PollResponse.class);
	}

	public HttpResponse<String> result(String taskId, TaskResult result) {
		return post(AgentApi.path(AgentApi.RESULT, taskId), result, credential);
	}

	public HttpResponse<String> uploadStart(String taskId, UploadStart start) {
		return post(AgentApi.path(AgentApi.UPLOAD_START, taskId), start, credential);
	}

	public HttpResponse<String> chunk(String uploadId, int index, byte[] data) {
		return send(request(AgentApi.path(AgentApi.UPLOAD_CHUNK, uploadId, index), credential)
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(data))
			.build());
	}

	public HttpResponse<String> finish(String uploadId) {
		return send(request(AgentApi.path(AgentApi.UPLOAD_FINISH, uploadId), credential)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** Queues a task through the admin API; the response has {"taskId": ...}. */
	public HttpResponse<String> createTask(String adminToken, Map<String, Object> task) {
		return post("/admin/v1/tasks", task, adminToken);
	}

	public HttpResponse<String> revoke(String adminToken, String id) {
		return send(request("/admin/v1/agents/" + id + "/revoke", adminToken).header("X-Iterdef-Actor", "it-admin")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	public static String taskId(HttpResponse<String> created) {
		return JSON.readTree(created.body()).get("taskId").asString();
	}

	public static String newHostname() {
		return "it-" + UUID.randomUUID().toString().substring(0, 13) + ".example.test";
	}

	public HttpResponse<String> post(String path, Object body, String bearer) {
		return send(request(path, bearer).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build());
	}

	private HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header(AgentApi.VERSION_HEADER, Integer.toString(AgentApi.VERSION));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a request and keeps the answer's bytes. */
	public HttpResponse<byte[]> sendBytes(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Trusts only a server certificate with this SHA-256 (host name checked by the HttpClient as usual). */
	static SSLContext pinned(String sha256) {
		TrustManager trust = new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				throw new CertificateException("no client certificates");
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				if (chain == null || chain.length == 0 || !ServerCertificates.fingerprint(chain[0]).equals(sha256)) {
					throw new CertificateException("server certificate does not match the pinned SHA-256");
				}
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		};
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { trust }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
