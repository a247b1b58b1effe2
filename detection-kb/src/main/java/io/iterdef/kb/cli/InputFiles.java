package io.iterdef.kb.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FILE|DIR arguments of {@code detect} and {@code decode}: a file as given, a directory as every regular file
 * under it (recursively, sorted by path, hidden files and folders skipped), so that a responder can point the
 * command at a folder of collected logs.
 */
final class InputFiles {

	private InputFiles() {
	}

	static List<Path> expand(CommandLine.Model.CommandSpec spec, List<Path> arguments) {
		List<Path> files = new ArrayList<>();
		for (Path p : arguments) {
			if (Files.isDirectory(p)) {
				List<Path> under = under(p);
				if (under.isEmpty()) {
					throw new CommandLine.ParameterException(spec.commandLine(),
							"no files under directory: " + p + " (give files or a folder that holds event files)");
				}
				files.addAll(under);
			}
			else if (Files.isRegularFile(p) && Files.isReadable(p)) {
				files.add(p);
			}
			else {
				throw new CommandLine.ParameterException(spec.commandLine(), "cannot read file: " + p
						+ (Files.exists(p) ? " (not readable)" : " (no such file or directory)"));
			}
		}
		return files;
	}

	private static List<Path> under(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(f -> !hidden(dir, f))
				.filter(Files::isRegularFile)
				.filter(Files::isReadable)
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
		}
	}

	/** A name below {@code dir} starting with '.' (".git", editor swap files). */
	private static boolean hidden(Path dir, Path f) {
		for (Path name : dir.relativize(f)) {
			if (name.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	static long totalBytes(List<Path> files) {
		long total = 0;
		for (Path f : files) {
			try {
				total += Files.size(f);
			}
			catch (IOException e) {
				// size unknown: progress shows counts without a percentage for it
			}
		}
		return total;
	}
}
