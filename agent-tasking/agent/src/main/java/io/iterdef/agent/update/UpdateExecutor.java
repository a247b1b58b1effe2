package io.iterdef.agent.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;
import io.iterdef.agent.transport.ApiException;
import io.iterdef.agent.transport.UpdateDownloads;

/**
 * agent.update {version, sha256}: downloads the package and its signature from the server (at most the byte
 * budget, and {@value #MAX_BYTES} bytes), and installs it only when its SHA-256 is the task's and the release
 * signature verifies with the agent's own {@code update.public.key}. Then it answers {@code {fromVersion,
 * toVersion, sha256}} and asks for a {@link Restart}: the agent exits with {@value Restart#EXIT_CODE} once the
 * result is sent. Any mismatch refuses the update and the agent keeps running the version it has.
 */
public final class UpdateExecutor implements TaskExecutor {

	static final long MAX_BYTES = 256L * 1024 * 1024;

	static final String REFUSED = "update package signature does not verify";

	private static final Pattern VERSION = Pattern.compile(AgentApi.UPDATE_VERSION_PATTERN);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final PublicKey releaseKey;

	private final UpdateDownloads downloads;

	private final Supplier<java.util.Optional<Path>> jar;

	private final Restart restart;

	private final String currentVersion;

	public UpdateExecutor(PublicKey releaseKey, UpdateDownloads downloads, Restart restart) {
		this(releaseKey, downloads, AgentJar::running, restart, HostFactsCollector.AGENT_VERSION);
	}

	UpdateExecutor(PublicKey releaseKey, UpdateDownloads downloads, Supplier<java.util.Optional<Path>> jar,
			Restart restart, String currentVersion) {
		this.releaseKey = releaseKey;
		this.downloads = downloads;
		this.jar = jar;
		this.restart = restart;
		this.currentVersion = currentVersion;
	}

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException, InterruptedException {
		String version = context.string("version");
		if (!VERSION.matcher(version).matches()) {
			throw new TaskFailedException("parameter \"version\" must be a package version of letters, digits, '.', '_'"
					+ " and '-' (e.g. 0.2.0); was " + version);
		}
		String sha256 = context.string("sha256").toLowerCase(java.util.Locale.ROOT);
		if (!SHA256.matcher(sha256).matches()) {
			throw new TaskFailedException("parameter \"sha256\" must be the package's SHA-256 (64 hex digits)");
		}
		if (releaseKey == null) {
			throw new TaskFailedException("this agent refuses updates: no update.public.key in its configuration"
					+ " (set it to the release key's public key, printed by ReleaseSigner keygen)");
		}
		Path target = jar.get().orElseThrow(() -> new TaskFailedException(
				"the agent does not run from a jar file, so there is nothing to replace (start it from iterdef-agent.jar)"));
		byte[] bytes = downloads.updatePackage(version, Math.min(MAX_BYTES, context.budget().remaining()));
		context.budget().consume(bytes.length);
		String actual = ReleaseKeys.sha256(bytes);
		if (!actual.equals(sha256)) {
			throw new TaskFailedException(REFUSED + ": the package's SHA-256 " + actual + " is not the task's " + sha256
					+ "; refused, the agent keeps version " + currentVersion);
		}
		byte[] signature = signature(version);
		if (!ReleaseKeys.verifies(releaseKey, version, actual, signature)) {
			throw new TaskFailedException(REFUSED + " with this agent's update.public.key (version " + version
					+ ", sha256 " + actual + "); refused, the agent keeps version " + currentVersion);
		}
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			throw new TaskFailedException("the signed update package " + version + " is not a jar; refused");
		}
		Path installed = AgentJar.install(target, bytes, version, actual, HostFactsCollector.isWindows());
		restart.request();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("fromVersion", currentVersion);
		data.put("toVersion", version);
		data.put("sha256", actual);
		data.put("installedAs", installed.toString());
		return data;
	}

	private byte[] signature(String version) throws IOException, InterruptedException {
		byte[] text;
		try {
			text = downloads.updateSignature(version);
		}
		catch (ApiException ex) {
			if (ex.status() == 404) {
				throw new TaskFailedException(REFUSED + ": the server has no signature for version " + version
						+ " (" + version + ".jar.sig next to the package); refused, the agent keeps version "
						+ currentVersion);
			}
			throw ex;
		}
		try {
			return Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
		}
		catch (IllegalArgumentException ex) {
			return new byte[0]; // not base64: verifies as nothing
		}
	}

}
