package io.iterdef.agent.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Windows {@code netstat -ano}: "TCP 0.0.0.0:135 0.0.0.0:0 LISTENING 1032", "UDP [::]:500 *:* 4312" (UDP
 * has no state). IPv6 addresses come in brackets; the port follows the last colon.
 */
final class NetstatParser {

	private NetstatParser() {
	}

	static List<Connection> parse(List<String> lines) {
		List<Connection> connections = new ArrayList<>();
		for (String line : lines) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 4) {
				continue;
			}
			String proto = fields[0].toLowerCase(Locale.ROOT);
			boolean tcp = proto.equals("tcp");
			if (!tcp && !proto.equals("udp")) {
				continue; // headers, "Active Connections"
			}
			if (tcp ? fields.length < 5 : fields.length < 4) {
				continue;
			}
			String[] local = endpoint(fields[1]);
			String[] remote = endpoint(fields[2]);
			String state = tcp ? fields[3] : "UNCONN";
			String pidText = tcp ? fields[4] : fields[3];
			boolean v6 = local[0].contains(":");
			Long pid;
			try {
				pid = Long.parseLong(pidText);
			}
			catch (NumberFormatException ex) {
				continue;
			}
			connections.add(new Connection(proto + (v6 ? "6" : ""), local[0], port(local[1]), remote[0],
					port(remote[1]), state, 0, pid));
		}
		return connections;
	}

	private static String[] endpoint(String text) {
		int colon = text.lastIndexOf(':');
		if (colon < 0) {
			return new String[] { text, "*" };
		}
		String address = text.substring(0, colon);
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		int zone = address.indexOf('%');
		return new String[] { zone < 0 ? address : address.substring(0, zone), text.substring(colon + 1) };
	}

	private static int port(String text) {
		return "*".equals(text) ? 0 : Integer.parseInt(text);
	}

}
