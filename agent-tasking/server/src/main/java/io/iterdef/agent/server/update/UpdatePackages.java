package io.iterdef.agent.server.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.server.system.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The agent update packages the server hands out: {@code <version>.jar} and its release signature
 * {@code <version>.jar.sig} in ITERDEF_AGENT_UPDATE_DIR (default {@code ITERDEF_DATA_DIR/agent-server/updates}),
 * put there by whoever releases (ReleaseSigner sign). The server does not sign and is not trusted by the agents:
 * it only serves the files. A version names a file of that folder and nothing else (see
 * {@link AgentApi#UPDATE_VERSION_PATTERN}); anything else is refused before the file system is touched.
 */
@Component
class UpdatePackages {

	private static final Pattern VERSION = Pattern.compile(AgentApi.UPDATE_VERSION_PATTERN);

	private final Path dir;

	UpdatePackages(@Value("${iterdef.agent.update-dir:${ITERDEF_AGENT_UPDATE_DIR:}}") String updateDir,
			@Value("${ITERDEF_DATA_DIR:data}") String dataDir) {
		this.dir = (updateDir.isBlank() ? Path.of(dataDir, "agent-server", "updates") : Path.of(updateDir))
			.toAbsolutePath()
			.normalize();
	}

	Path dir() {
		return dir;
	}

	/** The package file of {@code version}, when there is one. */
	Optional<Path> jar(String version) {
		return file(version, ".jar");
	}

	/** The signature file of {@code version}, when there is one. */
	Optional<Path> signature(String version) {
		return file(version, ".jar.sig");
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	private Optional<Path> file(String version, String suffix) {
		if (version == null || !VERSION.matcher(version).matches()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "not a package version: " + version,
					"a version is letters, digits, '.', '_' and '-' (e.g. 0.2.0), as the agent.update task names it");
		}
		Path file = dir.resolve(version + suffix).normalize();
		if (!file.getParent().equals(dir) || !Files.isRegularFile(file)) {
			return Optional.empty();
		}
		return Optional.of(file);
	}

}
