package io.iterdef.agent.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.iterdef.agent.identity.Identity;
import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.ErrorResponse;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;

/**
 * The agent API over HTTPS (java.net.http), trusting only the pinned server certificate. Every request carries
 * the protocol version header; every call but enrollment the agent's bearer credential. An error status becomes
 * an {@link ApiException} with the server's ErrorResponse.
 */
public final class AgentClient implements Uploads, UpdateDownloads {

	public static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	private final URI server;

	private final HttpClient http;

	private volatile Identity identity;

	public AgentClient(URI server, SSLContext tls) {
		this.server = server;
		this.http = HttpClient.newBuilder()
			.sslContext(tls)
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public void identity(Identity identity) {
		this.identity = identity;
	}

	public EnrollResponse enroll(EnrollRequest request) throws IOException, InterruptedException {
		return send(post(AgentApi.ENROLL, request, CALL_TIMEOUT, false), EnrollResponse.class);
	}

	public PollResponse poll(PollRequest request) throws IOException, InterruptedException {
		Duration wait = Duration.ofSeconds(request.waitSeconds() + 15L);
		return send(post(AgentApi.POLL, request, wait, true), PollResponse.class);
	}

	public void result(String taskId, TaskResult result) throws IOException, InterruptedException {
		send(post(AgentApi.path(AgentApi.RESULT, taskId), result, CALL_TIMEOUT, true), Void.class);
	}

	@Override
	public UploadStarted start(String taskId, UploadStart start) throws IOException, InterruptedException {
		return send(post(AgentApi.path(AgentApi.UPLOAD_START, taskId), start, CALL_TIMEOUT, true),
				UploadStarted.class);
	}

	@Override
	public void chunk(String uploadId, int index, byte[] bytes, int length) throws IOException, InterruptedException {
		HttpRequest request = builder(AgentApi.path(AgentApi.UPLOAD_CHUNK, uploadId, index), CALL_TIMEOUT, true)
			.header("Content-Type", "application/octet-stream")
			.PUT(BodyPublishers.ofByteArray(bytes, 0, length))
			.build();
		send(request, Void.class);
	}

	@Override
	public void finish(String uploadId) throws IOException, InterruptedException {
		HttpRequest request = builder(AgentApi.path(AgentApi.UPLOAD_FINISH, uploadId), CALL_TIMEOUT, true)
			.POST(BodyPublishers.noBody())
			.build();
		send(request, Void.class);
	}

	@Override
	public byte[] updatePackage(String version, long maxBytes) throws IOException, InterruptedException {
		return download(AgentApi.path(AgentApi.UPDATE_PACKAGE, version), maxBytes, Duration.ofMinutes(5));
	}

	@Override
	public byte[] updateSignature(String version) throws IOException, InterruptedException {
		return download(AgentApi.path(AgentApi.UPDATE_SIGNATURE, version), 4096, CALL_TIMEOUT);
	}

	/** GET of at most {@code maxBytes} (more fails without reading on); an error status is an ApiException. */
	private byte[] download(String path, long maxBytes, Duration timeout) throws IOException, InterruptedException {
		HttpRequest request = builder(path, timeout, true).setHeader("Accept", "*/*").GET().build();
		HttpResponse<java.io.InputStream> response = http.send(request, BodyHandlers.ofInputStream());
		try (java.io.InputStream body = response.body()) {
			int status = response.statusCode();
			if (status < 200 || status >= 300) {
				throw new ApiException(status, "GET " + path + " answered " + status + ": "
						+ describe(body.readNBytes(4096)));
			}
			byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (bytes.length > maxBytes) {
				throw new IOException("GET " + path + ": the download is larger than " + maxBytes
						+ " bytes (the task's byte budget); refused");
			}
			return bytes;
		}
	}

	private HttpRequest post(String path, Object body, Duration timeout, boolean authenticated) throws IOException {
		return builder(path, timeout, authenticated).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build();
	}

	private HttpRequest.Builder builder(String path, Duration timeout, boolean authenticated) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(AgentApi.VERSION_HEADER, Integer.toString(AgentApi.VERSION));
		if (authenticated) {
			Identity current = identity;
			if (current == null) {
				throw new IllegalStateException("not enrolled: enroll before calling the agent API");
			}
			builder.header("Authorization", "Bearer " + current.credential());
		}
		return builder;
	}

	private <T> T send(HttpRequest request, Class<T> type) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			if (type == Void.class || response.body().length == 0) {
				return null;
			}
			return JSON.readValue(response.body(), type);
		}
		throw new ApiException(status, request.method() + " " + request.uri().getPath() + " answered " + status
				+ ": " + describe(response.body()));
	}

	private static String describe(byte[] body) {
		try {
			ErrorResponse error = JSON.readValue(body, ErrorResponse.class);
			if (error != null && error.error() != null) {
				return error.error() + (error.hint() == null ? "" : " (" + error.hint() + ")");
			}
		}
		catch (IOException ex) {
			// not an ErrorResponse; show the text
		}
		String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
