package io.iterdef.kb;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Test helpers: classpath folders (directories or inside jars) as Paths, NDJSON decoding, the shared datasets. */
public final class TestResources {

	private TestResources() {
	}

	/** A classpath folder as a Path (target/classes or a jar); the first one on the classpath. */
	public static Path classpathFolder(String name) {
		List<Path> all = classpathFolders(name);
		if (all.isEmpty()) {
			throw new IllegalStateException("not on the classpath: " + name);
		}
		return all.get(0);
	}

	/** Every classpath folder of that name (detection-kb's own rules/ and sample-events' rules/, for example). */
	public static List<Path> classpathFolders(String name) {
		List<Path> paths = new ArrayList<>();
		try {
			for (URL url : java.util.Collections.list(TestResources.class.getClassLoader().getResources(name))) {
				paths.add(toPath(url));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return paths;
	}

	/**
	 * A file under a classpath folder as a real file in {@code dir} (copied: under {@code mvn verify} the fixtures
	 * sit inside sample-events' jar, where {@code Path.toFile()} and command-line arguments do not work).
	 */
	public static Path classpathFile(String folder, String relative, Path dir) {
		for (Path root : classpathFolders(folder)) {
			Path file = root.resolve(relative);
			if (Files.isRegularFile(file)) {
				try {
					Path copy = dir.resolve(file.getFileName().toString());
					Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
					return copy;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		throw new IllegalStateException(folder + "/" + relative + " is not on the classpath");
	}

	private static Path toPath(URL url) {
		try {
			URI uri = url.toURI();
			if ("jar".equals(uri.getScheme())) {
				try {
					FileSystems.newFileSystem(uri, Map.of());
				}
				catch (FileSystemAlreadyExistsException e) {
					// reuse it
				}
			}
			return Paths.get(uri);
		}
		catch (URISyntaxException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Decodes every non-blank line of an NDJSON file (failing on undecodable lines), sorted by time. */
	public static List<Event> decodeAll(Path file) {
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
		List<Event> events = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					events.addAll(decoders.decode(line.getBytes(StandardCharsets.UTF_8), null));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DecodeException e) {
			throw new AssertionError(file + ": " + e.getMessage(), e);
		}
		events.sort(Comparator.comparing(Event::getTimestamp));
		return events;
	}

	/** ../shared/datasets relative to the repository root (the module's parent), or null when absent. */
	public static Path datasets() {
		Path dir = Paths.get("..", "..", "shared", "datasets").toAbsolutePath().normalize();
		return Files.isDirectory(dir) ? dir : null;
	}
}
