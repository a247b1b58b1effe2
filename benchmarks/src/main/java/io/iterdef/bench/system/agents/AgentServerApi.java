package io.iterdef.bench.system.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.PinnedTrustManager;

/**
 * The agent API (enroll, long poll) as the agent's transport sends it, and the admin API's task creation, over
 * HTTPS with the server's certificate pinned, asynchronously ({@code sendAsync}: no thread per waiting poll).
 * HTTP/1.1 holds one connection per request in flight, so the agents are spread over several clients (each has one
 * selector thread).
 */
final class AgentServerApi {

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final URI server;

	private final String adminToken;

	private final List<HttpClient> clients = new ArrayList<>();

	private final HttpClient admin;

	AgentServerApi(URI server, String fingerprint, String adminToken, int clientCount, ExecutorService executor) {
		this.server = server;
		this.adminToken = adminToken;
		for (int i = 0; i < clientCount; i++) {
			clients.add(client(fingerprint, executor));
		}
		this.admin = client(fingerprint, executor);
	}

	private static HttpClient client(String fingerprint, ExecutorService executor) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(PinnedTrustManager.sslContext(fingerprint))
			.connectTimeout(Duration.ofSeconds(60))
			.executor(executor)
			.build();
	}

	CompletableFuture<EnrollResponse> enroll(int agent, String secret, io.iterdef.agent.protocol.HostFacts host) {
		HttpRequest request = agentRequest(AgentApi.ENROLL, Duration.ofSeconds(60))
			.POST(body(new EnrollRequest(secret, host)))
			.build();
		return send(clientOf(agent), request, EnrollResponse.class);
	}

	CompletableFuture<PollResponse> poll(int agent, String credential, PollRequest poll) {
		HttpRequest request = agentRequest(AgentApi.POLL, Duration.ofSeconds(poll.waitSeconds() + 60L))
			.header("Authorization", "Bearer " + credential)
			.POST(body(poll))
			.build();
		return send(clientOf(agent), request, PollResponse.class);
	}

	/** POST /admin/v1/tasks: an agent.info task with the given id (no approval needed, one attempt). */
	CompletableFuture<Void> createTask(UUID taskId, UUID agentId) {
		Map<String, Object> task = Map.of("id", taskId, "agentId", agentId, "type", "agent.info", "params", Map.of(),
				"maxAttempts", 1, "expiresInSeconds", 600, "reason", "agents benchmark");
		HttpRequest request = HttpRequest.newBuilder(server.resolve("/admin/v1/tasks"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + adminToken)
			.header("X-Iterdef-Actor", "bench")
			.POST(body(task))
			.build();
		return send(admin, request, Void.class);
	}

	private HttpClient clientOf(int agent) {
		return clients.get(agent % clients.size());
	}

	private HttpRequest.Builder agentRequest(String path, Duration timeout) {
		return HttpRequest.newBuilder(server.resolve(path))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header(AgentApi.VERSION_HEADER, Integer.toString(AgentApi.VERSION));
	}

	private static HttpRequest.BodyPublisher body(Object value) {
		try {
			return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static <T> CompletableFuture<T> send(HttpClient client, HttpRequest request, Class<T> type) {
		return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
			int status = response.statusCode();
			if (status < 200 || status >= 300) {
				throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
						+ status + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
			}
			if (type == Void.class) {
				return null;
			}
			try {
				return JSON.readValue(response.body(), type);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

}
