package io.iterdef.kb.decode.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ECS fields of each item a succeeded task returned, by task type (the agent executors' data maps): one tree
 * per process, directory entry, connection or memory-scan hit; one for the single-item types. A structural fault
 * (a list that is not a list, an entry without its key) is an {@link IllegalArgumentException} naming it.
 */
final class AgentItems {

	private AgentItems() {
	}

	/** The item trees of {@code type}; eventlog.query is decoded elsewhere (Windows XML). */
	static List<ObjectNode> of(String type, JsonNode data) {
		return switch (type) {
			case "process.list" -> each(data, "processes", AgentItems::process);
			case "dir.list" -> each(data, "entries", AgentItems::dirEntry);
			case "net.connections" -> each(data, "connections", AgentItems::connection);
			case "memory.scan" -> memoryHits(data);
			case "file.hash", "file.stat", "file.collect" -> List.of(file(data));
			case "agent.info" -> List.of(agentInfo(data));
			case "agent.update" -> List.of(agentUpdate(data));
			default -> throw new IllegalArgumentException("task type '" + type + "' is not on the allow-list");
		};
	}

	private interface ItemMapper {

		ObjectNode map(JsonNode entry, int index);

	}

	private static List<ObjectNode> each(JsonNode data, String field, ItemMapper mapper) {
		JsonNode list = data.get(field);
		if (list == null || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw new IllegalArgumentException("data." + field + " is not a list");
		}
		List<ObjectNode> items = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			JsonNode entry = list.get(i);
			if (!entry.isObject()) {
				throw new IllegalArgumentException("data." + field + "[" + i + "] is not an object");
			}
			items.add(mapper.map(entry, i));
		}
		return items;
	}

	private static ObjectNode tree(String category, String type) {
		ObjectNode t = Json.MAPPER.createObjectNode();
		ObjectNode event = t.putObject("event");
		event.putArray("category").add(category);
		event.putArray("type").add(type);
		return t;
	}

	static ObjectNode process(JsonNode p, int i) {
		Long pid = EcsTree.number(p, "pid");
		if (pid == null) {
			throw new IllegalArgumentException("data.processes[" + i + "] has no pid");
		}
		ObjectNode t = tree("process", "info");
		EcsTree.put(t, "process.pid", pid);
		EcsTree.put(t, "process.parent.pid", EcsTree.number(p, "ppid"));
		String executable = EcsTree.text(p, "executable");
		EcsTree.put(t, "process.executable", executable);
		EcsTree.put(t, "process.name", EcsTree.fileName(executable));
		JsonNode args = p.get("args");
		String commandLine = EcsTree.text(p, "commandLine");
		if (args != null && args.isArray()) {
			ArrayNode all = EcsTree.parent(t, "process.args").putArray("args");
			if (executable != null) {
				all.add(executable);
			}
			args.forEach(a -> all.add(a.asText()));
			if (commandLine == null) {
				List<String> parts = new ArrayList<>();
				all.forEach(a -> parts.add(a.asText()));
				commandLine = String.join(" ", parts);
			}
		}
		EcsTree.put(t, "process.command_line", commandLine);
		EcsTree.put(t, "process.start", EcsTree.text(p, "start"));
		user(t, EcsTree.text(p, "user"));
		return t;
	}

	/** "DOMAIN\\user" (Windows) is split into user.domain and user.name. */
	private static void user(ObjectNode t, String user) {
		if (user == null) {
			return;
		}
		int slash = user.indexOf('\\');
		if (slash > 0) {
			EcsTree.put(t, "user.domain", user.substring(0, slash));
			EcsTree.put(t, "user.name", user.substring(slash + 1));
		}
		else {
			EcsTree.put(t, "user.name", user);
		}
	}

	static ObjectNode dirEntry(JsonNode e, int i) {
		String path = EcsTree.text(e, "path");
		if (path == null) {
			throw new IllegalArgumentException("data.entries[" + i + "] has no path");
		}
		ObjectNode t = tree("file", "info");
		fileFields(t, e, path);
		EcsTree.put(t, "iterdef.dir.depth", EcsTree.number(e, "depth"));
		return t;
	}

	static ObjectNode file(JsonNode data) {
		String path = EcsTree.text(data, "path");
		if (path == null) {
			throw new IllegalArgumentException("data has no path");
		}
		ObjectNode t = tree("file", "info");
		fileFields(t, data, path);
		EcsTree.put(t, "file.hash.sha256", lower(EcsTree.text(data, "sha256")));
		EcsTree.put(t, "file.hash.sha1", lower(EcsTree.text(data, "sha1")));
		EcsTree.put(t, "file.hash.md5", lower(EcsTree.text(data, "md5")));
		EcsTree.put(t, "file.accessed", EcsTree.text(data, "accessed"));
		EcsTree.put(t, "file.created", EcsTree.text(data, "created"));
		EcsTree.put(t, "file.owner", EcsTree.text(data, "owner"));
		EcsTree.put(t, "file.group", EcsTree.text(data, "group"));
		EcsTree.put(t, "file.mode", EcsTree.text(data, "mode"));
		EcsTree.put(t, "iterdef.upload.id", EcsTree.text(data, "uploadId"));
		return t;
	}

	private static void fileFields(ObjectNode t, JsonNode e, String path) {
		EcsTree.put(t, "file.path", path);
		EcsTree.put(t, "file.name", EcsTree.fileName(path));
		EcsTree.put(t, "file.type", EcsTree.text(e, "type"));
		EcsTree.put(t, "file.size", EcsTree.number(e, "size"));
		EcsTree.put(t, "file.mtime", EcsTree.text(e, "modified"));
	}

	static ObjectNode connection(JsonNode c, int i) {
		ObjectNode t = tree("network", "connection");
		String protocol = EcsTree.text(c, "protocol");
		if (protocol != null) {
			String p = protocol.toLowerCase(Locale.ROOT);
			EcsTree.put(t, "network.transport", p.endsWith("6") ? p.substring(0, p.length() - 1) : p);
			EcsTree.put(t, "network.type", p.endsWith("6") ? "ipv6" : "ipv4");
		}
		EcsTree.put(t, "source.ip", EcsTree.text(c, "localAddress"));
		EcsTree.put(t, "source.port", EcsTree.number(c, "localPort"));
		EcsTree.put(t, "destination.ip", EcsTree.text(c, "remoteAddress"));
		EcsTree.put(t, "destination.port", EcsTree.number(c, "remotePort"));
		EcsTree.put(t, "iterdef.connection.state", EcsTree.text(c, "state"));
		EcsTree.put(t, "process.pid", EcsTree.number(c, "pid"));
		return t;
	}

	static List<ObjectNode> memoryHits(JsonNode data) {
		Long pid = EcsTree.number(data, "pid");
		String name = EcsTree.text(data, "processName");
		return each(data, "hits", (h, i) -> {
			ObjectNode t = tree("process", "info");
			EcsTree.put(t, "process.pid", pid);
			EcsTree.put(t, "process.name", name);
			EcsTree.put(t, "iterdef.memory.pattern", EcsTree.text(h, "pattern"));
			EcsTree.put(t, "iterdef.memory.pattern_index", EcsTree.number(h, "patternIndex"));
			EcsTree.put(t, "iterdef.memory.address", EcsTree.text(h, "address"));
			EcsTree.put(t, "iterdef.memory.region", EcsTree.text(h, "region"));
			EcsTree.put(t, "iterdef.memory.context", EcsTree.text(h, "context"));
			EcsTree.put(t, "iterdef.memory.bytes_scanned", EcsTree.number(data, "bytesScanned"));
			return t;
		});
	}

	static ObjectNode agentInfo(JsonNode data) {
		ObjectNode t = tree("host", "info");
		EcsTree.put(t, "host.hostname", EcsTree.text(data, "hostname"));
		EcsTree.put(t, "host.os.name", EcsTree.text(data, "os"));
		EcsTree.put(t, "host.os.version", EcsTree.text(data, "osVersion"));
		EcsTree.put(t, "agent.version", EcsTree.text(data, "agentVersion"));
		JsonNode ips = data.get("ips");
		if (ips != null && ips.isArray()) {
			EcsTree.set(t, "host.ip", ips.deepCopy());
		}
		JsonNode labels = data.get("labels");
		if (labels != null && labels.isObject()) {
			EcsTree.set(t, "labels", labels.deepCopy());
		}
		return t;
	}

	static ObjectNode agentUpdate(JsonNode data) {
		ObjectNode t = tree("package", "change");
		EcsTree.put(t, "agent.version", EcsTree.text(data, "toVersion"));
		EcsTree.put(t, "iterdef.update.from_version", EcsTree.text(data, "fromVersion"));
		EcsTree.put(t, "iterdef.update.to_version", EcsTree.text(data, "toVersion"));
		EcsTree.put(t, "iterdef.update.sha256", lower(EcsTree.text(data, "sha256")));
		return t;
	}

	private static String lower(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}

}
