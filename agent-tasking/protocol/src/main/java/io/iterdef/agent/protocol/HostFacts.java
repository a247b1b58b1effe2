package io.iterdef.agent.protocol;

import java.util.List;
import java.util.Map;

/**
 * What an agent tells about its host at enrollment and with every poll (so the server's view stays current).
 *
 * @param hostname the host's name, lower-case FQDN when known (matches host.name of its events)
 * @param os "linux" or "windows"
 * @param osVersion e.g. "Debian 12" or "10.0.19045"
 * @param agentVersion the agent's version
 * @param ips the host's addresses
 * @param labels the operator's labels from the agent's configuration (e.g. site=fra, role=dc)
 */
public record HostFacts(String hostname, String os, String osVersion, String agentVersion, List<String> ips,
		Map<String, String> labels) {

	public HostFacts {
		ips = ips == null ? List.of() : List.copyOf(ips);
		labels = labels == null ? Map.of() : Map.copyOf(labels);
	}

}
