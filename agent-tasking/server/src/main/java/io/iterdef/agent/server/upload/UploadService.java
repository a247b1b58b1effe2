package io.iterdef.agent.server.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.server.system.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chunked uploads for a task leased to the uploading agent: the announced size within the task's byte budget and
 * ITERDEF_AGENT_MAX_UPLOAD_BYTES (413 else), chunks of exactly the announced layout (idempotent by index), and at
 * finish the received size and SHA-256 checked; a wrong upload is discarded (400).
 */
@Service
public class UploadService {

	static final int MAX_UPLOADS_PER_TASK = 16;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final UploadRepository uploads;

	private final long maxUploadBytes;

	private final int chunkBytes;

	UploadService(UploadRepository uploads, @Value("${iterdef.agent.max-upload-bytes}") long maxUploadBytes,
			@Value("${iterdef.agent.chunk-bytes:1048576}") int chunkBytes) {
		this.uploads = uploads;
		this.maxUploadBytes = maxUploadBytes;
		this.chunkBytes = chunkBytes;
	}

	int chunkBytes() {
		return chunkBytes;
	}

	@Transactional
	UploadStarted start(UUID agentId, UUID taskId, UploadStart start) {
		long budget = uploads.leasedTaskBudget(taskId, agentId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no task " + taskId + " leased to this agent",
					"upload only for a task you hold the lease of"));
		String name = start.name() == null ? "" : start.name().strip();
		if (name.isEmpty() || name.length() > 1024) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "bad upload name", "1 to 1024 characters");
		}
		String sha256 = start.sha256() == null ? "" : start.sha256().strip().toLowerCase(Locale.ROOT);
		if (!SHA256.matcher(sha256).matches()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "bad sha256", "the file's SHA-256 as 64 hex digits");
		}
		if (start.size() < 0) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "negative size", "the file's size in bytes");
		}
		long limit = Math.min(budget, maxUploadBytes);
		if (start.size() > limit) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
					"upload of " + start.size() + " bytes is over the limit of " + limit + " bytes",
					"collect a smaller file (the task's budget and ITERDEF_AGENT_MAX_UPLOAD_BYTES bound it)");
		}
		if (uploads.countForTask(taskId) >= MAX_UPLOADS_PER_TASK) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many uploads for task " + taskId,
					"at most " + MAX_UPLOADS_PER_TASK + " per task");
		}
		UUID id = UUID.randomUUID();
		uploads.insert(id, taskId, name, start.size(), sha256, chunkBytes);
		return new UploadStarted(id.toString(), chunkBytes);
	}

	/** Stores one chunk, whose length must be the layout's for its index. */
	@Transactional
	void chunk(UUID agentId, UUID uploadId, int index, byte[] data) {
		UploadRepository.Upload upload = receiving(agentId, uploadId);
		if (index < 0 || index >= upload.chunks()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "chunk index " + index + " is out of range",
					"this upload has chunks 0 to " + (upload.chunks() - 1));
		}
		if (data.length != upload.chunkLength(index)) {
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"chunk " + index + " has " + data.length + " bytes, not " + upload.chunkLength(index),
					"send " + upload.chunkBytes() + " bytes per chunk; only the last may be shorter");
		}
		uploads.insertChunk(uploadId, index, data);
	}

	/** Checks the received bytes against the announced size and SHA-256; a mismatch discards the upload (400). */
	void finish(UUID agentId, UUID uploadId) {
		UploadRepository.Upload upload = receiving(agentId, uploadId);
		int received = uploads.chunkCount(uploadId);
		if (received != upload.chunks()) {
			// Not a wrong file yet: the agent may send the missing chunks and finish again.
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"upload incomplete: " + received + " of " + upload.chunks() + " chunks received",
					"send the missing chunks, then finish again");
		}
		MessageDigest digest = sha256();
		long size = 0;
		for (int i = 0; i < upload.chunks(); i++) {
			byte[] data = uploads.chunk(uploadId, i).orElse(new byte[0]);
			digest.update(data);
			size += data.length;
		}
		String actual = HexFormat.of().formatHex(digest.digest());
		if (size != upload.size() || !actual.equals(upload.sha256())) {
			uploads.refuse(uploadId);
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"upload discarded: received " + size + " bytes with SHA-256 " + actual + ", announced "
							+ upload.size() + " bytes with " + upload.sha256(),
					"start a new upload for the task and send the file again");
		}
		uploads.complete(uploadId);
	}

	/** The complete uploads of a task among the ids an agent's result names; 400 when one is not. */
	public List<UploadedFile> completeUploads(UUID taskId, List<String> ids) {
		List<UUID> uuids;
		try {
			uuids = ids.stream().map(UUID::fromString).distinct().toList();
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "bad upload id in the result", "send the ids the server gave");
		}
		List<UploadedFile> files = uploads.complete(taskId, uuids);
		if (files.size() != uuids.size()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "the result names uploads that are not complete for this task",
					"finish every upload before sending the result");
		}
		return files;
	}

	private UploadRepository.Upload receiving(UUID agentId, UUID uploadId) {
		UploadRepository.Upload upload = uploads.find(uploadId, agentId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no upload " + uploadId + " of a task leased to this agent",
					"start an upload for a task you hold the lease of"));
		if (!"receiving".equals(upload.state())) {
			throw new ApiException(HttpStatus.CONFLICT, "upload " + uploadId + " is " + upload.state(),
					"complete uploads take no more chunks; a refused one is gone: start a new upload");
		}
		return upload;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
