package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Json;

import java.util.Locale;

/** ECS process fields for the two process creation events: Sysmon 1 and Security 4688. */
final class ProcessMapping {

	private ProcessMapping() {
	}

	static void sysmonProcessCreate(ObjectNode data, ObjectNode ecs) {
		categorize(ecs);
		ObjectNode process = ecs.putObject("process");
		NxlogDecoder.putNumber(process, "pid", text(data, "ProcessId"));
		putImage(process, text(data, "Image"));
		NxlogDecoder.putText(process, "command_line", text(data, "CommandLine"));
		NxlogDecoder.putText(process, "entity_id", text(data, "ProcessGuid"));
		NxlogDecoder.putText(process, "working_directory", text(data, "CurrentDirectory"));
		String original = text(data, "OriginalFileName");
		if (original != null && !original.isBlank() && !"-".equals(original.trim())) {
			process.putObject("pe").put("original_file_name", original.trim());
		}
		hashes(process, text(data, "Hashes"));
		ObjectNode parent = process.putObject("parent");
		NxlogDecoder.putNumber(parent, "pid", text(data, "ParentProcessId"));
		putImage(parent, text(data, "ParentImage"));
		NxlogDecoder.putText(parent, "command_line", text(data, "ParentCommandLine"));
		NxlogDecoder.putText(parent, "entity_id", text(data, "ParentProcessGuid"));
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

	static void securityProcessCreation(ObjectNode data, ObjectNode ecs) {
		categorize(ecs);
		ObjectNode process = ecs.putObject("process");
		NxlogDecoder.putNumber(process, "pid", text(data, "NewProcessId"));
		putImage(process, text(data, "NewProcessName"));
		NxlogDecoder.putText(process, "command_line", text(data, "CommandLine"));
		ObjectNode parent = process.putObject("parent");
		NxlogDecoder.putNumber(parent, "pid", text(data, "ProcessId"));
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

	/** Parses decimal or hex ("0x90c", zero-padded too) into a number; null when absent or not a number. */
	static Long parseNumber(String value) {
		if (value == null) {
			return null;
		}
		String v = value.trim();
		try {
			if (v.startsWith("0x") || v.startsWith("0X")) {
				return Long.parseUnsignedLong(v.substring(2), 16);
			}
			return v.isEmpty() ? null : Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static void categorize(ObjectNode ecs) {
		ObjectNode event = (ObjectNode) ecs.get("event");
		event.putArray("category").add("process");
		event.putArray("type").add("start");
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

	private static String text(ObjectNode data, String key) {
		return NxlogDecoder.text(data, key);
	}
}
