package io.iterdef.agent.executor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Linux /proc/net/{tcp,tcp6,udp,udp6}: addresses are hex in the kernel's byte order (each 32-bit word
 * little-endian on the x86/ARM hosts we run on), ports hex big-endian, the state a hex code.
 */
final class ProcNetParser {

	private static final Map<String, String> TCP_STATES = Map.ofEntries(Map.entry("01", "ESTABLISHED"),
			Map.entry("02", "SYN_SENT"), Map.entry("03", "SYN_RECV"), Map.entry("04", "FIN_WAIT1"),
			Map.entry("05", "FIN_WAIT2"), Map.entry("06", "TIME_WAIT"), Map.entry("07", "CLOSE"),
			Map.entry("08", "CLOSE_WAIT"), Map.entry("09", "LAST_ACK"), Map.entry("0A", "LISTEN"),
			Map.entry("0B", "CLOSING"));

	private ProcNetParser() {
	}

	static List<Connection> parse(String protocol, List<String> lines) {
		List<Connection> connections = new ArrayList<>();
		for (String line : lines) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 10 || !fields[0].endsWith(":")) {
				continue; // the header
			}
			String[] local = fields[1].split(":");
			String[] remote = fields[2].split(":");
			String stateCode = fields[3].toUpperCase();
			String state = protocol.startsWith("udp")
					? ("07".equals(stateCode) ? "UNCONN" : TCP_STATES.getOrDefault(stateCode, stateCode))
					: TCP_STATES.getOrDefault(stateCode, stateCode);
			connections.add(new Connection(protocol, address(local[0]), Integer.parseInt(local[1], 16),
					address(remote[0]), Integer.parseInt(remote[1], 16), state, Long.parseLong(fields[9]), null));
		}
		return connections;
	}

	/** 0100007F → 127.0.0.1; 32 hex digits → an IPv6 address (each 32-bit word reversed). */
	static String address(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int at = word * 4 + i;
				bytes[word * 4 + 3 - i] = (byte) Integer.parseInt(hex.substring(at * 2, at * 2 + 2), 16);
			}
		}
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an address: " + hex, ex);
		}
	}

}
