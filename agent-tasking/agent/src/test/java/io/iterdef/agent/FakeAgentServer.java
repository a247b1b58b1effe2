package io.iterdef.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.ErrorResponse;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.transport.AgentClient;

/**
 * A JDK HttpsServer playing the agent server with canned protocol answers, for unit tests of the agent's client
 * side (the IT against the real agent server comes when that server exists).
 */
final class FakeAgentServer implements AutoCloseable {

	static final String SECRET = "s3cret";

	final HttpsServer server;

	final AtomicInteger requests = new AtomicInteger();

	final AtomicInteger enrollments = new AtomicInteger();

	final List<String> versionHeaders = new CopyOnWriteArrayList<>();

	final List<PollRequest> polls = new CopyOnWriteArrayList<>();

	final Map<String, TaskResult> results = new java.util.concurrent.ConcurrentHashMap<>();

	final ConcurrentLinkedQueue<TaskAssignment> queued = new ConcurrentLinkedQueue<>();

	final java.util.Set<String> validCredentials = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** The answer to the next result calls instead of 204 (e.g. 503, 404); consumed one per call. */
	final ConcurrentLinkedQueue<Integer> resultFailures = new ConcurrentLinkedQueue<>();

	FakeAgentServer(SSLContext tls) throws IOException {
		server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(tls));
		server.createContext(AgentApi.PREFIX, this::handle);
		server.start();
	}

	URI url() {
		return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
	}

	/** What arrived per upload id: the announcement, the chunks by index, finished or not. */
	static final class Upload {

		final UploadStart start;

		final java.util.SortedMap<Integer, byte[]> chunks = new java.util.concurrent.ConcurrentSkipListMap<>();

		volatile boolean finished;

		Upload(UploadStart start) {
			this.start = start;
		}

		byte[] bytes() {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			chunks.values().forEach(out::writeBytes);
			return out.toByteArray();
		}

	}

	static final int CHUNK_BYTES = 1_000;

	final Map<String, Upload> uploads = new java.util.concurrent.ConcurrentHashMap<>();

	/** Bytes served to authenticated GETs by path (update packages and signatures). */
	final Map<String, byte[]> downloads = new java.util.concurrent.ConcurrentHashMap<>();

	/** Forgets every agent's credential: their next call gets 401. */
	void revoke() {
		validCredentials.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		versionHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst(AgentApi.VERSION_HEADER)));
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		if (path.equals(AgentApi.ENROLL)) {
			EnrollRequest request = AgentClient.JSON.readValue(body, EnrollRequest.class);
			if (!SECRET.equals(request.enrollmentSecret())) {
				send(exchange, 401, new ErrorResponse("wrong enrollment secret", "check enrollment.secret"));
				return;
			}
			int n = enrollments.incrementAndGet();
			validCredentials.add("credential-" + n);
			send(exchange, 200, new EnrollResponse("agent-" + n, "credential-" + n, 10));
			return;
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")
				|| !validCredentials.contains(authorization.substring("Bearer ".length()))) {
			send(exchange, 401, new ErrorResponse("unknown or revoked credential", "enroll again"));
			return;
		}
		if (path.equals(AgentApi.POLL)) {
			polls.add(AgentClient.JSON.readValue(body, PollRequest.class));
			TaskAssignment task = queued.poll();
			send(exchange, 200, new PollResponse(task == null ? List.of() : List.of(task), 10));
			return;
		}
		if (path.endsWith("/result")) {
			Integer failure = resultFailures.poll();
			if (failure != null) {
				send(exchange, failure, new ErrorResponse("canned failure " + failure, null));
				return;
			}
			String taskId = path.substring((AgentApi.PREFIX + "/tasks/").length(), path.length() - "/result".length());
			results.put(taskId, AgentClient.JSON.readValue(body, TaskResult.class));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		if (path.endsWith("/uploads")) {
			String id = "upload-" + (uploads.size() + 1);
			uploads.put(id, new Upload(AgentClient.JSON.readValue(body, UploadStart.class)));
			send(exchange, 200, new UploadStarted(id, CHUNK_BYTES));
			return;
		}
		if (path.contains("/chunks/") && exchange.getRequestMethod().equals("PUT")) {
			String[] parts = path.split("/");
			uploads.get(parts[parts.length - 3]).chunks.put(Integer.parseInt(parts[parts.length - 1]), body);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		if (path.endsWith("/finish")) {
			String[] parts = path.split("/");
			Upload upload = uploads.get(parts[parts.length - 2]);
			byte[] bytes = upload.bytes();
			String sha256;
			try {
				sha256 = java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IOException(ex);
			}
			if (bytes.length != upload.start.size() || !sha256.equals(upload.start.sha256())) {
				send(exchange, 400, new ErrorResponse("size or SHA-256 differ", "upload again"));
				return;
			}
			upload.finished = true;
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		if (exchange.getRequestMethod().equals("GET") && downloads.containsKey(path)) {
			byte[] bytes = downloads.get(path);
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
			return;
		}
		send(exchange, 404, new ErrorResponse("no such path " + path, null));
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = AgentClient.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
