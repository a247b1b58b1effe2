package io.iterdef.agent.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.iterdef.agent.protocol.HostFacts;

/** The host's facts from the JDK: name, OS, version, addresses; plus the configured labels. */
public final class HostFactsCollector {

	public static final String AGENT_VERSION = agentVersion();

	private HostFactsCollector() {
	}

	/** Looked up once (a reverse lookup can be slow); addresses are read again each time. */
	private static volatile String hostname;

	public static HostFacts collect(Map<String, String> labels) {
		return new HostFacts(hostname(), os(), osVersion(), AGENT_VERSION, addresses(), labels);
	}

	/** Uses the configured name instead of looking it up (AgentConfig's host.name). */
	public static void useHostname(String name) {
		hostname = name;
	}

	static String hostname() {
		String name = hostname;
		if (name == null) {
			name = lookUpHostname();
			hostname = name;
		}
		return name;
	}

	/** Lower-case; the canonical (FQDN) name when the resolver knows it. */
	private static String lookUpHostname() {
		try {
			InetAddress local = InetAddress.getLocalHost();
			String canonical = local.getCanonicalHostName();
			String name = canonical != null && !canonical.isBlank() && !canonical.equals(local.getHostAddress())
					? canonical : local.getHostName();
			return name.toLowerCase(Locale.ROOT);
		}
		catch (UnknownHostException ex) {
			String env = System.getenv(isWindows() ? "COMPUTERNAME" : "HOSTNAME");
			return env == null ? "unknown" : env.toLowerCase(Locale.ROOT);
		}
	}

	static String os() {
		return isWindows() ? "windows" : System.getProperty("os.name").toLowerCase(Locale.ROOT);
	}

	/** "Debian GNU/Linux 12 (bookworm) 6.1.0" from /etc/os-release when present, else os.version. */
	static String osVersion() {
		String kernel = System.getProperty("os.version");
		Path release = Path.of("/etc/os-release");
		if (!isWindows() && Files.isReadable(release)) {
			try {
				for (String line : Files.readAllLines(release)) {
					if (line.startsWith("PRETTY_NAME=")) {
						return line.substring("PRETTY_NAME=".length()).replace("\"", "") + " " + kernel;
					}
				}
			}
			catch (IOException ex) {
				// fall back to the kernel version
			}
		}
		return kernel;
	}

	static List<String> addresses() {
		List<String> ips = new ArrayList<>();
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || nic.isLoopback()) {
					continue;
				}
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					String text = address.getHostAddress();
					int zone = text.indexOf('%');
					ips.add(zone < 0 ? text : text.substring(0, zone));
				}
			}
		}
		catch (SocketException ex) {
			// no addresses known; the host name still identifies the host
		}
		return ips;
	}

	public static boolean isWindows() {
		return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
	}

	private static String agentVersion() {
		java.util.Optional<String> updated = io.iterdef.agent.update.AgentJar.running()
			.flatMap(io.iterdef.agent.update.AgentJar::installedVersion);
		if (updated.isPresent()) {
			return updated.get(); // installed by agent.update
		}
		String version = HostFactsCollector.class.getPackage().getImplementationVersion();
		return version == null ? "0.1.0-SNAPSHOT" : version;
	}

}
