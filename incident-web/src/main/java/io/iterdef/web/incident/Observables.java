package io.iterdef.web.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The observables of an incident (hosts, users, IPs, hashes, paths, command lines, registry keys, domains),
 * taken from its alerts' matched events: typed, deduplicated, with the number of events each appears in.
 */
final class Observables {

	/** One observable: its type (host, user, ip, hash, path, command_line, registry, domain), value and count. */
	record Observable(String type, String value, String fields, int count) {
	}

	/** ECS field -> observable type; hashes are matched by pattern below. */
	static final Map<String, String> FIELDS = fields();

	private static final Pattern HASH_FIELD = Pattern.compile("(process|file|process\\.parent|dll)\\.hash\\.(sha256|sha1|md5)");

	private Observables() {
	}

	private static Map<String, String> fields() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("host.name", "host");
		m.put("host.ip", "ip");
		m.put("source.ip", "ip");
		m.put("destination.ip", "ip");
		m.put("user.name", "user");
		m.put("file.path", "path");
		m.put("process.executable", "path");
		m.put("process.command_line", "command_line");
		m.put("registry.path", "registry");
		m.put("dns.question.name", "domain");
		return m;
	}

	static List<Observable> of(List<EventFields> events) {
		record Key(String type, String value) {
		}
		Map<Key, Integer> counts = new LinkedHashMap<>();
		Map<Key, Set<String>> fieldNames = new LinkedHashMap<>();
		for (EventFields event : events) {
			Map<String, String> values = new LinkedHashMap<>();
			event.fields().forEach(f -> values.put(f.name(), f.value()));
			Set<Key> seen = new HashSet<>();
			for (Map.Entry<String, String> e : values.entrySet()) {
				String type = type(e.getKey());
				if (type == null) {
					continue;
				}
				for (String value : split(type, e.getValue())) {
					String v = "user".equals(type) ? user(values.get("user.domain"), value) : value;
					Key key = new Key(type, "hash".equals(type) ? v.toLowerCase(java.util.Locale.ROOT) : v);
					fieldNames.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(e.getKey());
					if (seen.add(key)) {
						counts.merge(key, 1, Integer::sum);
					}
				}
			}
		}
		List<Observable> result = new ArrayList<>();
		counts.forEach((k, n) -> result.add(new Observable(k.type(), k.value(), String.join(", ", fieldNames.get(k)), n)));
		result.sort(Comparator.comparing(Observable::type).thenComparing(Comparator.comparingInt(Observable::count).reversed())
			.thenComparing(Observable::value));
		return result;
	}

	private static String type(String field) {
		String type = FIELDS.get(field);
		if (type == null && HASH_FIELD.matcher(field).matches()) {
			return "hash";
		}
		return type;
	}

	/** Arrays arrive joined with ", " by {@link EventFields}; IPs and hosts are split back. */
	private static List<String> split(String type, String value) {
		List<String> parts = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return parts;
		}
		if ("ip".equals(type) || "host".equals(type) || "hash".equals(type) || "domain".equals(type)) {
			for (String p : value.split(", ")) {
				if (!p.isBlank()) {
					parts.add(p.trim());
				}
			}
		}
		else {
			parts.add(value);
		}
		return parts;
	}

	private static String user(String domain, String name) {
		return domain == null || domain.isBlank() ? name : domain + "\\" + name;
	}

}
