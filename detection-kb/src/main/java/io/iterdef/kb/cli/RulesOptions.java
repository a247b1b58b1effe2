package io.iterdef.kb.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Where the rules subcommands find rules and fixtures. */
public final class RulesOptions {

	/** Set by the launcher script: the repository, whose sample-events module holds the fixtures. */
	static final String HOME_PROPERTY = "iterdef.home";

	static final String FIXTURES_IN_REPO = "sample-events/src/main/resources/rules";

	private RulesOptions() {
	}

	/** The rules of DIR (or the built-in ones); a usage error when DIR is not a directory or a rule does not compile. */
	static RuleLibrary load(CommandLine.Model.CommandSpec spec, Path dir) {
		if (dir != null && !Files.isDirectory(dir)) {
			throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + dir);
		}
		try {
			return RuleLibrary.load(dir);
		}
		catch (IllegalArgumentException e) {
			throw new CommandLine.ExecutionException(spec.commandLine(), e.getMessage(), e);
		}
	}

	/**
	 * The fixture roots: {@code dir} when given, else every classpath:rules/ folder plus, when the launcher says where
	 * the repository is, its sample-events/src/main/resources/rules.
	 */
	public static List<Path> fixtureRoots(CommandLine.Model.CommandSpec spec, Path dir) {
		if (dir != null) {
			if (!Files.isDirectory(dir)) {
				throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + dir);
			}
			return List.of(dir);
		}
		List<Path> roots = new ArrayList<>(classpathFolders("rules"));
		String home = System.getProperty(HOME_PROPERTY);
		if (home != null && Files.isDirectory(Path.of(home, FIXTURES_IN_REPO))) {
			roots.add(Path.of(home, FIXTURES_IN_REPO));
		}
		return roots;
	}

	static List<Path> classpathFolders(String name) {
		List<Path> paths = new ArrayList<>();
		try {
			for (URL url : Collections.list(RulesOptions.class.getClassLoader().getResources(name))) {
				URI uri = url.toURI();
				if ("jar".equals(uri.getScheme())) {
					try {
						FileSystems.newFileSystem(uri, Map.of());
					}
					catch (FileSystemAlreadyExistsException e) {
						// reuse it
					}
				}
				paths.add(Paths.get(uri));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
		return paths;
	}
}
