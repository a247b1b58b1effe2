package io.iterdef.web.hosts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One ECS event of a host as the timeline shows it: the fields the process tree needs (entity ids and pids of
 * the process and its parent), a one-line summary of what it did, and every field flattened to dotted names
 * ({@code process.parent.pid}) for the expanded view. Values are attacker-controlled: the templates only ever
 * print them as text.
 *
 * @param id event.id
 * @param timestamp @timestamp
 * @param code event.code (Sysmon 1 = process creation, 3 = network, 11 = file create, 13 = registry, ...)
 * @param action event.action, or the channel when missing
 * @param entityId process.entity_id (Sysmon ProcessGuid), null when absent
 * @param pid process.pid, null when absent or 0 (no process)
 * @param parentEntityId process.parent.entity_id
 * @param parentPid process.parent.pid
 * @param executable process.executable (or process.name)
 * @param commandLine process.command_line
 * @param user user.domain\\user.name, or user.name
 * @param processStart whether this event is the start of its process (a process creation)
 * @param summary what the event did, in one line (destination, file, registry key, image, ...)
 * @param fields all fields, flattened, in name order
 */
public record HostEvent(String id, Instant timestamp, String code, String action, String entityId, Long pid,
		String parentEntityId, Long parentPid, String executable, String commandLine, String user,
		boolean processStart, String summary, Map<String, String> fields) {

	/** Whether the event belongs to a process (has an entity id or a non-zero pid). */
	public boolean hasProcess() {
		return entityId != null || pid != null;
	}

	/** An event from its Elasticsearch _source (nested maps, as the indexer wrote it). */
	static HostEvent of(Map<String, Object> source) {
		Map<String, String> flat = new TreeMap<>();
		flatten("", source, flat);
		Long pid = number(flat.get("process.pid"));
		Long parentPid = number(flat.get("process.parent.pid"));
		String code = flat.get("event.code");
		String category = flat.getOrDefault("event.category", "");
		String type = flat.getOrDefault("event.type", "");
		boolean start = "1".equals(code) && "Microsoft-Windows-Sysmon".equals(flat.get("event.provider"))
				|| "4688".equals(code) || category.contains("process") && type.contains("start");
		String executable = flat.get("process.executable") != null ? flat.get("process.executable")
				: flat.get("process.name");
		String user = flat.get("user.name") == null ? null
				: flat.get("user.domain") == null ? flat.get("user.name") : flat.get("user.domain") + "\\" + flat.get("user.name");
		String ts = flat.get("@timestamp");
		return new HostEvent(flat.getOrDefault("event.id", ""), instant(ts), code,
				flat.get("event.action") != null ? flat.get("event.action") : flat.get("winlog.channel"),
				blankToNull(flat.get("process.entity_id")), pid == null || pid == 0 ? null : pid,
				blankToNull(flat.get("process.parent.entity_id")), parentPid == null || parentPid == 0 ? null : parentPid,
				executable, flat.get("process.command_line"), user, start, summary(flat, start), flat);
	}

	private static String summary(Map<String, String> f, boolean start) {
		if (start) {
			return "started " + first(f, "process.command_line", "process.executable", "process.name");
		}
		if (f.containsKey("destination.ip") || f.containsKey("destination.port")) {
			String transport = f.getOrDefault("network.transport", "");
			return (transport + " " + f.getOrDefault("source.ip", "?") + ":" + f.getOrDefault("source.port", "?") + " -> "
					+ f.getOrDefault("destination.ip", "?") + ":" + f.getOrDefault("destination.port", "?")).trim();
		}
		if (f.containsKey("registry.path")) {
			String data = f.get("registry.data.strings");
			return "registry " + f.get("registry.path") + (data == null ? "" : " = " + data);
		}
		if (f.containsKey("dll.path")) {
			return "loaded " + f.get("dll.path");
		}
		if (f.containsKey("file.path")) {
			return "file " + f.get("file.path");
		}
		if (f.containsKey("dns.question.name")) {
			return "dns " + f.get("dns.question.name");
		}
		String action = first(f, "event.action", "message");
		return action == null ? "event " + f.getOrDefault("event.code", "") : action;
	}

	private static String first(Map<String, String> f, String... names) {
		for (String n : names) {
			if (f.get(n) != null && !f.get(n).isBlank()) {
				return f.get(n);
			}
		}
		return null;
	}

	private static Instant instant(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeException ex) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeException ex2) {
				return null;
			}
		}
	}

	private static Long number(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.decode(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object value, Map<String, String> out) {
		if (value == null) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
			}
		}
		else if (value instanceof Collection<?> list) {
			if (list.stream().allMatch(v -> !(v instanceof Map) && !(v instanceof Collection))) {
				List<String> parts = new ArrayList<>();
				list.forEach(v -> parts.add(String.valueOf(v)));
				out.put(prefix, String.join(", ", parts));
			}
			else {
				int i = 0;
				for (Object v : list) {
					flatten(prefix + "[" + i++ + "]", v, out);
				}
			}
		}
		else {
			out.put(prefix, String.valueOf(value));
		}
	}

}
