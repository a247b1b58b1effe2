package io.iterdef.agent.server.task;

import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.server.system.ApiException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * GET /admin/v1/uploads/{id}/content (admin token): a collected file's bytes, only once the upload is complete
 * (its size and SHA-256 checked), as an attachment with X-Iterdef-Sha256. The chunks are read one at a time, in
 * order, so a large file never sits in memory whole.
 */
@RestController
class UploadContentController {

	static final String SHA256_HEADER = "X-Iterdef-Sha256";

	private final JdbcClient jdbc;

	UploadContentController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/v1/uploads/{uploadId}/content")
	ResponseEntity<StreamingResponseBody> content(@PathVariable UUID uploadId) {
		Stored upload = find(uploadId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no upload " + uploadId,
				"use an upload id from the task (GET /admin/v1/tasks/{id})"));
		if (!"complete".equals(upload.state())) {
			throw new ApiException(HttpStatus.CONFLICT, "upload " + uploadId + " is " + upload.state() + ", not complete",
					upload.state().equals("receiving") ? "wait until the agent has finished the upload"
							: "the upload was refused (wrong size or SHA-256); collect the file again");
		}
		StreamingResponseBody body = out -> {
			for (int index = 0; index < upload.chunks(); index++) {
				out.write(chunk(uploadId, index));
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(upload.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(fileName(upload.name()), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(SHA256_HEADER, upload.sha256())
			.body(body);
	}

	/** The last element of the path the agent collected (Windows or POSIX separators). */
	static String fileName(String path) {
		String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).strip();
		return name.isEmpty() ? "upload.bin" : name;
	}

	private Optional<Stored> find(UUID id) {
		return jdbc.sql("""
				SELECT u.name, u.size, u.sha256, u.state, (SELECT count(*) FROM upload_chunks c WHERE c.upload_id = u.id)
				       AS chunks
				FROM uploads u WHERE u.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Stored(rs.getString("name"), rs.getLong("size"), rs.getString("sha256"),
					rs.getString("state"), rs.getInt("chunks")))
			.optional();
	}

	private byte[] chunk(UUID id, int index) {
		return jdbc.sql("SELECT data FROM upload_chunks WHERE upload_id = :id AND idx = :idx")
			.param("id", id)
			.param("idx", index)
			.query((rs, n) -> rs.getBytes("data"))
			.optional()
			.orElseThrow(() -> new IllegalStateException("chunk " + index + " of complete upload " + id + " is missing"));
	}

	private record Stored(String name, long size, String sha256, String state, int chunks) {
	}

}
