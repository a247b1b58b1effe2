package io.iterdef.agent.executor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/**
 * file.hash {path}: SHA-256, SHA-1 and MD5 of a regular file in one streaming pass. A file larger than the byte
 * budget is refused before reading (no partial hash); the bytes read are counted too (the file may grow).
 */
final class FileHashExecutor implements TaskExecutor {

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException {
		Path path = Path.of(context.string("path"));
		long size = regularFileSize(path, context.budget().remaining());
		MessageDigest sha256 = digest("SHA-256");
		MessageDigest sha1 = digest("SHA-1");
		MessageDigest md5 = digest("MD5");
		long read = 0;
		try (InputStream in = Files.newInputStream(path)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				context.budget().consume(n);
				sha256.update(buffer, 0, n);
				sha1.update(buffer, 0, n);
				md5.update(buffer, 0, n);
				read += n;
			}
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("path", path.toString());
		data.put("size", read);
		data.put("sha256", HexFormat.of().formatHex(sha256.digest()));
		data.put("sha1", HexFormat.of().formatHex(sha1.digest()));
		data.put("md5", HexFormat.of().formatHex(md5.digest()));
		if (read != size) {
			data.put("changedWhileReading", true);
		}
		return data;
	}

	/** The size of a regular file that fits the budget; else the task fails saying why. */
	static long regularFileSize(Path path, long budget) throws IOException {
		if (!Files.exists(path)) {
			throw new TaskFailedException("no such file: " + path);
		}
		if (!Files.isRegularFile(path)) {
			throw new TaskFailedException(path + " is not a regular file");
		}
		long size;
		try {
			size = Files.size(path);
		}
		catch (NoSuchFileException ex) {
			throw new TaskFailedException("no such file: " + path);
		}
		if (size > budget) {
			throw new TaskFailedException(path + " is " + size + " bytes, over the task's byte budget of " + budget
					+ " bytes; ask for a larger maxBytes");
		}
		return size;
	}

	static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is missing from this JDK", ex);
		}
	}

}
