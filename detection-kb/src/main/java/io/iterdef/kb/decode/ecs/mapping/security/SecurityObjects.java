package io.iterdef.kb.decode.ecs.mapping.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.EventMapping;
import io.iterdef.kb.decode.ecs.mapping.Classification;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.List;
import java.util.Locale;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * Object access: 4656 (a handle was requested) and 4663 (an attempt was made to access an object), which Elastic
 * leaves uncategorized, are classed by their ObjectType: File as file, Key as registry (ObjectName
 * "\REGISTRY\MACHINE\..." also as registry.hive/key HKLM/HKU), Process/Thread as process, with type access; the
 * accessing process (ProcessName, ProcessId) is process.*, the object stays in winlog.event_data (ObjectName,
 * AccessMask, AccessList with its %%inserts). Shares: 5140/5145 as Elastic maps them (RelativeTargetName as
 * file.name, ShareLocalPath as file.directory, both joined as file.path, ShareName\name as file.target_path).
 */
final class SecurityObjects {

	private SecurityObjects() {
	}

	static EventMapping mapping(String action) {
		return (e, ecs) -> {
			String type = trimmed(e.data("ObjectType"));
			String category = category(type);
			Classification.of(category, action, "access").apply(ecs);
			SecurityUsers.subject(e, ecs);
			String object = trimmed(e.data("ObjectName"));
			if ("file".equals(category)) {
				Values.putFile(ecs, "file", object);
			}
			else if ("registry".equals(category) && object != null) {
				registry(ecs, object);
			}
			SecurityCommon.map(e, ecs);
		};
	}

	/** 5140 and 5145. */
	static void share(WinEvent e, ObjectNode ecs) {
		SecurityUsers.subject(e, ecs);
		String name = trimmed(e.data("RelativeTargetName"));
		String directory = trimmed(e.data("ShareLocalPath"));
		put(ecs, "file.name", name);
		put(ecs, "file.directory", directory);
		if (name != null && directory != null) {
			put(ecs, "file.path", directory + "\\" + name);
		}
		String share = trimmed(e.data("ShareName"));
		if (name != null && share != null) {
			put(ecs, "file.target_path", share + "\\" + name);
		}
		put(ecs, "file.extension", Values.extension(name));
	}

	private static String category(String objectType) {
		if (objectType == null) {
			return null;
		}
		return switch (objectType.toLowerCase(Locale.ROOT)) {
			case "file", "directory" -> "file";
			case "key" -> "registry";
			case "process", "thread" -> "process";
			default -> null;
		};
	}

	private static void registry(ObjectNode ecs, String object) {
		put(ecs, "registry.path", object);
		for (String[] root : List.of(new String[] { "\\REGISTRY\\MACHINE\\", "HKLM" },
				new String[] { "\\REGISTRY\\USER\\", "HKU" })) {
			if (object.regionMatches(true, 0, root[0], 0, root[0].length())) {
				put(ecs, "registry.hive", root[1]);
				put(ecs, "registry.key", object.substring(root[0].length()));
			}
		}
	}

}
