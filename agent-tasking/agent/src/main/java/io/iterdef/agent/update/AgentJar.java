package io.iterdef.agent.update;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The jar the agent runs from, and how an update replaces it: the verified package is written to a temporary file
 * in the same folder, flushed to disk and moved over the jar in one step ({@code ATOMIC_MOVE}), so the jar is
 * always either the old or the new one. The old one is kept as {@code <jar>.previous}. On Windows a running jar
 * cannot be replaced: the package goes to {@code <jar>.new} and iterdef-agent.cmd moves it into place before the
 * restart. {@code <jar>.version} records the installed version with its SHA-256 (the version agent.info reports).
 */
public final class AgentJar {

	private AgentJar() {
	}

	/** The jar this agent's classes come from; empty when it runs from a classes folder (tests, an IDE). */
	public static Optional<Path> running() {
		try {
			var source = AgentJar.class.getProtectionDomain().getCodeSource();
			if (source == null) {
				return Optional.empty();
			}
			Path path = Path.of(source.getLocation().toURI());
			return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
		}
		catch (URISyntaxException | IllegalArgumentException | SecurityException ex) {
			return Optional.empty();
		}
	}

	/** Writes {@code bytes} as the new jar (see the class comment); returns where it went. */
	static Path install(Path jar, byte[] bytes, String version, String sha256, boolean windows) throws IOException {
		Path target = windows ? jar.resolveSibling(jar.getFileName() + ".new") : jar;
		if (!windows) {
			Files.copy(jar, jar.resolveSibling(jar.getFileName() + ".previous"), StandardCopyOption.REPLACE_EXISTING);
		}
		replace(target, bytes);
		Properties installed = new Properties();
		installed.setProperty("version", version);
		installed.setProperty("sha256", sha256);
		java.io.StringWriter text = new java.io.StringWriter();
		installed.store(text, "written by agent.update");
		replace(versionFile(jar), text.toString().getBytes(StandardCharsets.ISO_8859_1));
		return target;
	}

	/** The version recorded by the last update when it is still the jar's (same SHA-256); else empty. */
	public static Optional<String> installedVersion(Path jar) {
		Path file = versionFile(jar);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			Properties installed = new Properties();
			installed.load(reader);
			String version = installed.getProperty("version");
			String sha256 = installed.getProperty("sha256");
			if (version != null && sha256 != null && sha256.equals(ReleaseKeys.sha256(Files.readAllBytes(jar)))) {
				return Optional.of(version);
			}
			return Optional.empty();
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static Path versionFile(Path jar) {
		return jar.resolveSibling(jar.getFileName() + ".version");
	}

	private static void replace(Path target, byte[] bytes) throws IOException {
		Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".iterdef-agent-update-", ".tmp");
		try {
			if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
				Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
				out.write(bytes);
				out.flush();
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

}
