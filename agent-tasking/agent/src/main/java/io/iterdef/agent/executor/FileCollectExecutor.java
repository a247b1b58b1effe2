package io.iterdef.agent.executor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/**
 * file.collect {path}: uploads a regular file of at most the byte budget. First pass: size and SHA-256 (announced
 * in UploadStart, so the server can check them on finish); second pass: the chunks of the size the server chose,
 * hashed again. A file that changed in between fails the task instead of finishing a corrupt upload.
 */
final class FileCollectExecutor implements TaskExecutor {

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException, InterruptedException {
		Path path = Path.of(context.string("path"));
		long size = FileHashExecutor.regularFileSize(path, context.budget().remaining());
		String sha256 = sha256(path, context, size);
		Path name = path.getFileName();
		UploadStarted upload = context.uploads()
			.start(context.taskId(), new UploadStart(name == null ? path.toString() : name.toString(), size, sha256));
		if (upload.chunkBytes() <= 0) {
			throw new TaskFailedException("the server gave a chunk size of " + upload.chunkBytes() + " bytes");
		}
		MessageDigest again = FileHashExecutor.digest("SHA-256");
		long sent = 0;
		try (InputStream in = Files.newInputStream(path)) {
			byte[] chunk = new byte[upload.chunkBytes()];
			int index = 0;
			int n;
			while (sent < size && (n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, size - sent))) > 0) {
				Budget.checkCancelled(); // the first pass counted these bytes
				again.update(chunk, 0, n);
				context.uploads().chunk(upload.uploadId(), index++, chunk, n);
				sent += n;
			}
		}
		if (sent != size || !HexFormat.of().formatHex(again.digest()).equals(sha256)) {
			throw new TaskFailedException(path + " changed while it was collected; collect it again");
		}
		context.uploads().finish(upload.uploadId());
		context.uploadIds().add(upload.uploadId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("path", path.toString());
		data.put("size", size);
		data.put("sha256", sha256);
		data.put("uploadId", upload.uploadId());
		return data;
	}

	private static String sha256(Path path, TaskContext context, long size) throws IOException {
		MessageDigest digest = FileHashExecutor.digest("SHA-256");
		long read = 0;
		try (InputStream in = Files.newInputStream(path)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				context.budget().consume(n);
				digest.update(buffer, 0, n);
				read += n;
			}
		}
		if (read != size) {
			throw new TaskFailedException(path + " changed while it was collected; collect it again");
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
