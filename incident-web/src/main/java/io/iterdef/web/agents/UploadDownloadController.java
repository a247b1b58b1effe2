package io.iterdef.web.agents;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.iterdef.web.agents.AgentRows.UploadRow;
import io.iterdef.web.audit.AuditLog;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloading a file an agent collected: streamed from the database chunk by chunk, as an attachment with a safe
 * file name and its SHA-256 (checked by the agent server when the upload finished) in X-Iterdef-Sha256. Every
 * download is audited.
 */
@Controller
class UploadDownloadController {

	static final String SHA256_HEADER = "X-Iterdef-Sha256";

	private final UploadStore uploads;

	private final AuditLog audit;

	UploadDownloadController(UploadStore uploads, AuditLog audit) {
		this.uploads = uploads;
		this.audit = audit;
	}

	@GetMapping("/tasks/{taskId}/uploads/{uploadId}")
	void download(@PathVariable UUID taskId, @PathVariable UUID uploadId, Authentication user,
			HttpServletResponse response) throws IOException {
		UploadRow upload = uploads.upload(taskId, uploadId)
			.orElseThrow(() -> new AgentPageNotFoundException("Task " + taskId + " has no upload " + uploadId));
		if (!upload.complete()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Upload " + uploadId + " is " + upload.state()
					+ ", not complete: only complete uploads (size and SHA-256 checked) can be downloaded");
		}
		audit.append(user.getName(), null, "agent.upload.download", null, Map.of("taskId", taskId.toString(), "uploadId",
				uploadId.toString(), "name", upload.name(), "sha256", upload.sha256(), "size", upload.size()));
		response.setContentType("application/octet-stream");
		response.setContentLengthLong(upload.size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(safeFileName(upload.name())).build().toString());
		response.setHeader(SHA256_HEADER, upload.sha256());
		response.setHeader("X-Content-Type-Options", "nosniff");
		uploads.copy(uploadId, response.getOutputStream());
		response.flushBuffer();
	}

	/** The last path element, with anything but letters, digits, dot, dash and underscore as '_'; never empty. */
	static String safeFileName(String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
		if (safe.length() > 200) {
			safe = safe.substring(safe.length() - 200);
		}
		return safe.isEmpty() ? "upload.bin" : safe;
	}

}
