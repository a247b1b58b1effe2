package io.iterdef.agent.executor;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/**
 * dir.list {path, maxDepth (1..10, default 1), maxEntries (1..10000, default 1000)}: the entries under a
 * directory, depth-first, without following symlinks. Stops at maxEntries and says so ({@code truncated}); an
 * unreadable directory is listed in {@code errors} and skipped.
 */
final class DirListExecutor implements TaskExecutor {

	static final int MAX_DEPTH = 10;

	static final int MAX_ENTRIES = 10_000;

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException {
		Path root = Path.of(context.string("path"));
		int maxDepth = context.integer("maxDepth", 1, 1, MAX_DEPTH);
		int maxEntries = context.integer("maxEntries", 1000, 1, MAX_ENTRIES);
		if (!Files.isDirectory(root)) {
			throw new TaskFailedException(root + " is not a directory (or does not exist)");
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		boolean[] truncated = { false };
		Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				if (dir.equals(root)) {
					return FileVisitResult.CONTINUE;
				}
				return add(dir, attrs) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				return add(file, attrs) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				Budget.checkCancelled();
				errors.add(file + ": " + ex.getClass().getSimpleName());
				return FileVisitResult.CONTINUE;
			}

			private boolean add(Path path, BasicFileAttributes attrs) {
				if (entries.size() >= maxEntries) {
					truncated[0] = true;
					return false;
				}
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("path", path.toString());
				entry.put("type", attrs.isDirectory() ? "dir" : attrs.isSymbolicLink() ? "symlink"
						: attrs.isRegularFile() ? "file" : "other");
				entry.put("size", attrs.size());
				entry.put("modified", attrs.lastModifiedTime().toInstant().toString());
				entry.put("depth", root.relativize(path).getNameCount());
				context.budget().consume(entry.toString().length());
				entries.add(entry);
				return true;
			}

		});
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("path", root.toString());
		data.put("entries", entries);
		data.put("count", entries.size());
		data.put("truncated", truncated[0]);
		data.put("errors", errors);
		return data;
	}

}
