package io.iterdef.agent.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/** file.stat {path}: type, size, times, owner and (POSIX) permissions, without following a final symlink. */
final class FileStatExecutor implements TaskExecutor {

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException {
		Path path = Path.of(context.string("path"));
		Map<String, Object> data = stat(path);
		context.budget().consume(data.toString().length());
		return data;
	}

	static Map<String, Object> stat(Path path) throws IOException {
		BasicFileAttributes basic;
		try {
			basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			throw new TaskFailedException("no such file: " + path);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("path", path.toString());
		data.put("type", basic.isDirectory() ? "dir" : basic.isSymbolicLink() ? "symlink"
				: basic.isRegularFile() ? "file" : "other");
		data.put("size", basic.size());
		data.put("modified", basic.lastModifiedTime().toInstant().toString());
		data.put("accessed", basic.lastAccessTime().toInstant().toString());
		data.put("created", basic.creationTime().toInstant().toString());
		try {
			data.put("owner", Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName());
		}
		catch (IOException | UnsupportedOperationException ex) {
			// owner unknown on this file system
		}
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			data.put("group", posix.group().getName());
			data.put("mode", PosixFilePermissions.toString(posix.permissions()));
		}
		return data;
	}

}
