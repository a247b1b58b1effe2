package io.iterdef.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.security.PublicKey;

import io.iterdef.agent.update.ReleaseKeys;

/**
 * The agent's configuration, read from a properties file (its path is the agent's first argument).
 *
 * <pre>
 * server.url=https://agents.example.org:8443        (required, https)
 * server.fingerprint=AB:CD:...                       (required, SHA-256 of the server certificate, 64 hex digits, colons optional)
 * enrollment.secret=...                              (required)
 * state.dir=/var/lib/iterdef-agent                   (required; holds the identity file)
 * labels=site=fra,role=dc                            (optional)
 * poll.wait.seconds=25                               (optional, long-poll wait, 1..60)
 * poll.max.tasks=4                                   (optional, 1..32)
 * host.name=fin-ws07.corp.example.org               (optional; default: the machine's canonical name, lower-case)
 * update.public.key=MCowBQYDK2VwAyEA...             (optional; the release key agent.update packages must be signed
 *                                                    with, base64 X.509 Ed25519; without it updates are refused)
 * </pre>
 */
public record AgentConfig(URI serverUrl, String serverFingerprint, String enrollmentSecret, Path stateDir,
		Map<String, String> labels, int pollWaitSeconds, int maxTasks, String hostName, PublicKey updatePublicKey) {

	private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,253}[a-z0-9])?");

	public AgentConfig {
		labels = Map.copyOf(labels);
	}

	/** Reads and checks the file; every problem found is listed in one {@link ConfigException}. */
	public static AgentConfig load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (NoSuchFileException ex) {
			throw new ConfigException("the agent configuration file " + file.toAbsolutePath()
					+ " does not exist: pass the path of its properties file as the first argument");
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ConfigException("cannot read the agent configuration file " + file.toAbsolutePath() + ": "
					+ ex.getMessage());
		}
		return from(properties, file.toAbsolutePath().toString());
	}

	static AgentConfig from(Properties properties, String source) {
		List<String> problems = new ArrayList<>();
		URI url = null;
		String urlText = required(properties, "server.url", problems);
		if (urlText != null) {
			try {
				url = URI.create(urlText);
				if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
					problems.add("server.url must be an https:// URL with a host, e.g. https://agents.example.org:8443 (was "
							+ urlText + ")");
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add("server.url is not a URL: " + urlText);
			}
		}
		String fingerprint = required(properties, "server.fingerprint", problems);
		if (fingerprint != null) {
			fingerprint = normalizeFingerprint(fingerprint);
			if (!FINGERPRINT.matcher(fingerprint).matches()) {
				problems.add("server.fingerprint must be the SHA-256 of the server certificate: 64 hex digits, colons"
						+ " allowed (the agent server logs it at start)");
			}
		}
		String secret = required(properties, "enrollment.secret", problems);
		String stateDirText = required(properties, "state.dir", problems);
		Map<String, String> labels = parseLabels(properties.getProperty("labels", ""), problems);
		int wait = intValue(properties, "poll.wait.seconds", 25, 1, 60, problems);
		int maxTasks = intValue(properties, "poll.max.tasks", 4, 1, 32, problems);
		String hostName = properties.getProperty("host.name", "").trim().toLowerCase(Locale.ROOT);
		if (!hostName.isEmpty() && !HOST_NAME.matcher(hostName).matches()) {
			problems.add("host.name must be a DNS name of letters, digits, '-' and '.', at most 255 characters (was "
					+ hostName + ")");
		}
		PublicKey updateKey = null;
		String updateKeyText = properties.getProperty("update.public.key", "").trim();
		if (!updateKeyText.isEmpty()) {
			try {
				updateKey = ReleaseKeys.publicKey(updateKeyText);
			}
			catch (IllegalArgumentException ex) {
				problems.add("update.public.key is " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new ConfigException("the agent configuration " + source + " is not usable:\n  - "
					+ String.join("\n  - ", problems));
		}
		return new AgentConfig(url, fingerprint, secret, Path.of(stateDirText), labels, wait, maxTasks,
				hostName.isEmpty() ? null : hostName, updateKey);
	}

	/** Lower-case hex without colons or spaces. */
	public static String normalizeFingerprint(String text) {
		return text.replace(":", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
	}

	private static String required(Properties properties, String key, List<String> problems) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			problems.add(key + " is missing");
			return null;
		}
		return value.trim();
	}

	private static Map<String, String> parseLabels(String text, List<String> problems) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String pair : text.split(",")) {
			if (pair.isBlank()) {
				continue;
			}
			int eq = pair.indexOf('=');
			if (eq <= 0 || eq == pair.length() - 1) {
				problems.add("labels must be key=value pairs separated by commas, e.g. site=fra,role=dc (bad: "
						+ pair.trim() + ")");
				continue;
			}
			labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
		}
		return labels;
	}

	private static int intValue(Properties properties, String key, int fallback, int min, int max,
			List<String> problems) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(key + " must be a whole number from " + min + " to " + max + " (was " + value.trim() + ")");
		return fallback;
	}

}
