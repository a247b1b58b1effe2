package io.iterdef.web.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of the sidebar's top values: the chosen columns that can be aggregated, then common ECS fields.
 * Only fields the events template maps as keyword, ip or long (or winlog.event_data.*, keyword by the dynamic
 * template) are used: a terms aggregation on a text field would fail the whole search.
 */
final class SidebarFields {

	static final List<String> COMMON = List.of("host.name", "user.name", "event.code", "event.action",
			"winlog.channel", "process.name", "process.executable", "process.parent.name", "source.ip", "destination.ip",
			"file.path");

	static final Set<String> AGGREGATABLE = Set.of("host.name", "host.hostname", "user.name", "user.domain", "user.id",
			"event.code", "event.action", "event.provider", "event.kind", "event.category", "event.type", "event.module",
			"event.dataset", "event.outcome", "winlog.channel", "winlog.computer_name", "winlog.provider_name",
			"winlog.event_id", "winlog.record_id", "process.name", "process.executable", "process.command_line",
			"process.entity_id", "process.pid", "process.hash.md5", "process.hash.sha1", "process.hash.sha256",
			"process.hash.imphash", "process.parent.name", "process.parent.executable", "process.parent.command_line",
			"process.parent.entity_id", "process.parent.pid", "file.path", "file.name", "registry.path", "registry.value",
			"dll.path", "source.ip", "source.port", "destination.ip", "destination.port", "network.transport",
			"network.direction", "tags");

	static final int MAX = 16;

	private SidebarFields() {
	}

	static List<String> forColumns(List<String> columns) {
		Set<String> fields = new LinkedHashSet<>();
		for (String column : columns) {
			if (aggregatable(column)) {
				fields.add(column);
			}
		}
		fields.addAll(COMMON);
		return fields.stream().limit(MAX).toList();
	}

	static boolean aggregatable(String field) {
		return AGGREGATABLE.contains(field) || (field.startsWith("winlog.event_data.") && field.length() > 18);
	}

}
