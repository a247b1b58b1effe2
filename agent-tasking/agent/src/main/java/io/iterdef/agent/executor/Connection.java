package io.iterdef.agent.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/** One socket: protocol (tcp, tcp6, udp, udp6), addresses, state, and the owning process when known. */
record Connection(String protocol, String localAddress, int localPort, String remoteAddress, int remotePort,
		String state, long inode, Long pid) {

	Connection withPid(Long owner) {
		return new Connection(protocol, localAddress, localPort, remoteAddress, remotePort, state, inode, owner);
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("protocol", protocol);
		map.put("localAddress", localAddress);
		map.put("localPort", localPort);
		map.put("remoteAddress", remoteAddress);
		map.put("remotePort", remotePort);
		map.put("state", state);
		if (pid != null) {
			map.put("pid", pid);
		}
		return map;
	}

}
