package io.iterdef.agent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.PinnedTrustManager;

/**
 * HTTPS calls to the agent server under test, trusting exactly its certificate (the fingerprint it logged), as an
 * agent does: the admin API (bearer admin token, {@code X-Iterdef-Actor}) and the agent API with a given credential.
 */
final class ServerApi {

	static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http;

	private final String base;

	private final String adminToken;

	ServerApi(int port, String fingerprint, String adminToken) {
		this.http = HttpClient.newBuilder().sslContext(PinnedTrustManager.sslContext(fingerprint))
			.connectTimeout(Duration.ofSeconds(5)).build();
		this.base = "https://127.0.0.1:" + port;
		this.adminToken = adminToken;
	}

	record Response(int status, byte[] bytes, HttpResponse<byte[]> raw) {

		String body() {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

		JsonNode json() {
			try {
				return JSON.readTree(bytes);
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON (" + status + "): " + body(), ex);
			}
		}

		String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + body();
		}

	}

	/** POST to the admin API as {@code actor} (null: no X-Iterdef-Actor header). */
	Response adminPost(String path, String actor, Object body) {
		HttpRequest.Builder request = request(path, adminToken).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body == null ? Map.of() : body)));
		if (actor != null) {
			request.header("X-Iterdef-Actor", actor);
		}
		return send(request.build());
	}

	Response adminGet(String path) {
		return send(request(path, adminToken).GET().build());
	}

	/** A long poll with this credential (null: none). */
	Response poll(String credential, int waitSeconds) {
		return agentPost(AgentApi.POLL, credential, Map.of("waitSeconds", waitSeconds, "maxTasks", 10));
	}

	Response result(String credential, String taskId, Map<String, Object> result) {
		return agentPost(AgentApi.path(AgentApi.RESULT, taskId), credential, result);
	}

	Response agentPost(String path, String credential, Object body) {
		return send(request(path, credential).header("Content-Type", "application/json")
			.header(AgentApi.VERSION_HEADER, Integer.toString(AgentApi.VERSION))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
			.build());
	}

	private HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(Object body) {
		try {
			return JSON.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
