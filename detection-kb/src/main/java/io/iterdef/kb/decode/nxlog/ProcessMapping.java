package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;

import java.util.Locale;
import java.util.Map;

/**
 * ECS process fields for the two process creation events, Sysmon 1 and Security 4688, as the skeleton mapped them.
 * Kept here, in the {@link io.iterdef.kb.decode.ecs.EventMapping} shape, until the mapping layer
 * (io.iterdef.kb.decode.ecs.mapping.sysmon / .security) covers them; then this class goes.
 */
public final class ProcessMapping {

	private ProcessMapping() {
	}

	/** Sysmon 1 (Process Create). */
	public static void sysmonProcessCreate(WinEvent e, ObjectNode ecs) {
		Map<String, String> data = e.eventData;
		categorize(ecs, e.task != null ? e.task : "Process Create (rule: ProcessCreate)");
		ObjectNode process = ecs.putObject("process");
		putNumber(process, "pid", text(data, "ProcessId"));
		putImage(process, text(data, "Image"));
		putText(process, "command_line", text(data, "CommandLine"));
		putText(process, "entity_id", text(data, "ProcessGuid"));
		putText(process, "working_directory", text(data, "CurrentDirectory"));
		String original = text(data, "OriginalFileName");
		if (original != null && !original.isBlank() && !"-".equals(original.trim())) {
			process.putObject("pe").put("original_file_name", original.trim());
		}
		hashes(process, text(data, "Hashes"));
		ObjectNode parent = process.putObject("parent");
		putNumber(parent, "pid", text(data, "ParentProcessId"));
		putImage(parent, text(data, "ParentImage"));
		putText(parent, "command_line", text(data, "ParentCommandLine"));
		putText(parent, "entity_id", text(data, "ParentProcessGuid"));
		removeIfEmpty(process, "parent");
		String user = text(data, "User");
		if (user != null && !user.isBlank() && !"-".equals(user.trim())) {
			int slash = user.indexOf('\\');
			ObjectNode u = ecs.putObject("user");
			u.put("name", user.substring(slash + 1).trim());
			if (slash > 0) {
				u.put("domain", user.substring(0, slash).trim());
			}
		}
	}

	/** Security 4688 (A new process has been created). */
	public static void securityProcessCreation(WinEvent e, ObjectNode ecs) {
		Map<String, String> data = e.eventData;
		categorize(ecs, "created-process");
		ObjectNode process = ecs.putObject("process");
		putNumber(process, "pid", text(data, "NewProcessId"));
		putImage(process, text(data, "NewProcessName"));
		putText(process, "command_line", text(data, "CommandLine"));
		ObjectNode parent = process.putObject("parent");
		putNumber(parent, "pid", text(data, "ProcessId"));
		putImage(parent, text(data, "ParentProcessName"));
		removeIfEmpty(process, "parent");
		String name = present(text(data, "SubjectUserName"));
		if (name != null) {
			ObjectNode u = ecs.putObject("user");
			u.put("name", name);
			String domain = present(text(data, "SubjectDomainName"));
			if (domain != null) {
				u.put("domain", domain);
			}
		}
	}

	private static void categorize(ObjectNode ecs, String action) {
		ObjectNode event = (ObjectNode) ecs.get("event");
		event.putArray("category").add("process");
		event.putArray("type").add("start");
		event.put("action", action);
	}

	private static void putImage(ObjectNode process, String image) {
		String path = present(image);
		if (path == null) {
			return;
		}
		process.put("executable", path);
		int sep = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
		process.put("name", path.substring(sep + 1));
	}

	private static void hashes(ObjectNode process, String hashes) {
		if (hashes == null || hashes.isBlank()) {
			return;
		}
		ObjectNode hash = Json.MAPPER.createObjectNode();
		for (String part : hashes.split(",")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				String algo = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
				String value = part.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
				if (algo.equals("imphash")) {
					process.withObjectProperty("pe").put("imphash", value);
				}
				else {
					hash.put(algo.replace("-", ""), value);
				}
			}
		}
		if (!hash.isEmpty()) {
			process.set("hash", hash);
		}
	}

	private static String present(String s) {
		return s == null || s.isBlank() || "-".equals(s.trim()) ? null : s.trim();
	}

	private static void removeIfEmpty(ObjectNode node, String key) {
		if (node.get(key) instanceof ObjectNode o && o.isEmpty()) {
			node.remove(key);
		}
	}

	private static String text(Map<String, String> data, String key) {
		return data.get(key);
	}

	private static void putText(ObjectNode node, String key, String value) {
		if (value != null && !value.isEmpty()) {
			node.put(key, value);
		}
	}

	private static void putNumber(ObjectNode node, String key, String value) {
		Long n = NxlogDecoder.number(value);
		if (n != null) {
			node.put(key, n);
		}
	}
}
