package io.iterdef.kb.decode.ecs.mapping.sysmon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.iterdef.kb.decode.ecs.mapping.Values.present;
import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.putNumber;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * network.*, source.*, destination.* (Sysmon 3) and dns.* (Sysmon 22) as Elastic's sysmon_operational pipeline maps
 * them: Protocol as network.transport, the port name as network.protocol ("dns" for 22), Initiated as
 * network.direction (egress/ingress), SourceIsIpv6 as network.type; QueryName as dns.question.name, QueryResults
 * ("type:  5 cname.example.net;::ffff:192.0.2.1;") as dns.answers and dns.resolved_ip (IPv4-mapped addresses
 * unwrapped), QueryStatus as sysmon.dns.status (the Windows error name for the common codes, else the number).
 */
final class SysmonNetworkFields {

	/** Runs of white space; compiled once (String.split with a regex compiles it on every call). */
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Map<String, String> DNS_TYPES = Map.ofEntries(Map.entry("1", "A"), Map.entry("2", "NS"),
			Map.entry("5", "CNAME"), Map.entry("6", "SOA"), Map.entry("12", "PTR"), Map.entry("15", "MX"),
			Map.entry("16", "TXT"), Map.entry("28", "AAAA"), Map.entry("33", "SRV"), Map.entry("35", "NAPTR"),
			Map.entry("39", "DNAME"), Map.entry("65", "HTTPS"), Map.entry("255", "ANY"));

	private static final Map<String, String> DNS_STATUS = Map.ofEntries(Map.entry("0", "SUCCESS"),
			Map.entry("5", "ERROR_ACCESS_DENIED"), Map.entry("123", "ERROR_INVALID_NAME"),
			Map.entry("1223", "ERROR_CANCELLED"), Map.entry("1460", "ERROR_TIMEOUT"),
			Map.entry("9002", "DNS_ERROR_RCODE_SERVER_FAILURE"), Map.entry("9003", "DNS_ERROR_RCODE_NAME_ERROR"),
			Map.entry("9005", "DNS_ERROR_RCODE_REFUSED"), Map.entry("9501", "DNS_INFO_NO_RECORDS"),
			Map.entry("9560", "DNS_ERROR_INVALID_NAME_CHAR"), Map.entry("9701", "DNS_ERROR_RECORD_DOES_NOT_EXIST"),
			Map.entry("10054", "WSAECONNRESET"), Map.entry("10060", "WSAETIMEDOUT"));

	private SysmonNetworkFields() {
	}

	static void map(WinEvent e, ObjectNode ecs) {
		put(ecs, "network.transport", trimmed(e.data("Protocol")));
		if (e.eventId == 22) {
			put(ecs, "network.protocol", "dns");
		}
		else {
			put(ecs, "network.protocol", SysmonProcessFields.first(e, "DestinationPortName", "SourcePortName"));
		}
		put(ecs, "source.ip", ip(e.data("SourceIp")));
		put(ecs, "source.domain", e.data("SourceHostname"));
		putNumber(ecs, "source.port", e.data("SourcePort"));
		put(ecs, "destination.ip", ip(e.data("DestinationIp")));
		put(ecs, "destination.domain", e.data("DestinationHostname"));
		putNumber(ecs, "destination.port", e.data("DestinationPort"));
		Boolean initiated = Values.bool(e.data("Initiated"));
		if (initiated != null) {
			put(ecs, "network.direction", initiated ? "egress" : "ingress");
		}
		Boolean ipv6 = Values.bool(e.data("SourceIsIpv6"));
		if (ipv6 != null) {
			put(ecs, "network.type", ipv6 ? "ipv6" : "ipv4");
		}
		put(ecs, "dns.question.name", trimmed(e.data("QueryName")));
		dnsAnswers(ecs, e.data("QueryResults"));
		String status = trimmed(e.data("QueryStatus"));
		if (status != null) {
			put(ecs, "sysmon.dns.status", DNS_STATUS.getOrDefault(status, status));
		}
	}

	private static void dnsAnswers(ObjectNode ecs, String results) {
		if (present(results) == null) {
			return;
		}
		List<String[]> answers = new ArrayList<>();
		List<String> ips = new ArrayList<>();
		for (String part : results.split(";")) {
			String answer = part.strip();
			if (answer.isEmpty()) {
				continue;
			}
			if (answer.startsWith("type:")) {
				String[] words = SPACES.split(answer);
				if (words.length >= 2) {
					String type = DNS_TYPES.getOrDefault(words[1], words[1]);
					answers.add(new String[] { type, words.length >= 3 ? words[2] : null });
				}
			}
			else {
				String ip = ip(answer);
				if (ip != null) {
					ips.add(ip);
				}
			}
		}
		for (String ip : ips) {
			answers.add(new String[] { ip.indexOf(':') >= 0 ? "AAAA" : "A", ip });
		}
		if (!answers.isEmpty()) {
			ArrayNode list = Values.object(ecs, "dns").putArray("answers");
			for (String[] a : answers) {
				ObjectNode answer = list.addObject().put("type", a[0]);
				if (a[1] != null) {
					answer.put("data", a[1]);
				}
			}
		}
		if (!ips.isEmpty()) {
			ArrayNode resolved = Values.object(ecs, "dns").putArray("resolved_ip");
			ips.forEach(resolved::add);
		}
	}

	/** The address without an IPv4-mapped prefix ("::ffff:192.0.2.1" -> "192.0.2.1"); null when absent. */
	private static String ip(String value) {
		String v = trimmed(value);
		if (v == null) {
			return null;
		}
		if (v.startsWith("[") && v.contains("]")) {
			v = v.substring(1, v.indexOf(']'));
		}
		String lower = v.toLowerCase(java.util.Locale.ROOT);
		if (lower.startsWith("::ffff:") && lower.indexOf('.') > 0) {
			return v.substring(7);
		}
		return v;
	}

}
