package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class WindowsLogSourcesTest {

	@Test
	void shouldCompileARuleForEveryMappedLogsourceWithoutWarnings() throws IOException {
		StringBuilder yaml = new StringBuilder();
		int i = 0;
		Map<String, LogSource> all = new TreeMap<>();
		WindowsLogSources.categories().forEach((k, v) -> all.put("category: " + k, v));
		WindowsLogSources.services().forEach((k, v) -> all.put("service: " + k, v));
		for (String logsource : all.keySet()) {
			yaml.append("---\ntitle: logsource ").append(logsource.replace(": ", " ")).append("\nid: ")
				.append(String.format("00000000-0000-4000-9000-%012d", i++))
				.append("\nlevel: low\nlogsource: {product: windows, ").append(logsource)
				.append("}\ndetection:\n    sel:\n        EventID|exists: true\n    condition: sel\n");
		}
		SigmaConverter.Result r = SigmaConverter.convertText("all.yml", yaml.toString());
		assertThat(r.refused()).isEmpty();
		assertThat(r.converted()).hasSize(all.size());
		Map<String, String> drl = new LinkedHashMap<>();
		r.converted().forEach(c -> drl.put(c.drlPath(), c.drl()));
		RuleSet set = RuleSet.compile(drl);
		assertThat(set.warnings()).isEmpty();
		assertThat(set.rules()).hasSize(all.size());
	}

	@Test
	void shouldTellRegistryAddFromRegistryDeleteByTheSysmonEventType() throws IOException {
		String yaml = """
				title: key added
				id: 00000000-0000-4000-a000-000000000001
				level: low
				logsource: {product: windows, category: registry_add}
				detection:
				    sel:
				        TargetObject|contains: '\\Run'
				    condition: sel
				---
				title: key deleted
				id: 00000000-0000-4000-a000-000000000002
				level: low
				logsource: {product: windows, category: registry_delete}
				detection:
				    sel:
				        TargetObject|contains: '\\Run'
				    condition: sel
				""";
		SigmaConverter.Result r = SigmaConverter.convertText("reg.yml", yaml);
		Map<String, String> drl = new LinkedHashMap<>();
		r.converted().forEach(c -> drl.put(c.drlPath(), c.drl()));
		RuleSet set = RuleSet.compile(drl);
		assertThat(fired(set, "CreateKey")).containsExactly("key added");
		assertThat(fired(set, "DeleteValue")).containsExactly("key deleted");
		assertThat(fired(set, "SetValue")).isEmpty();
	}

	private static List<String> fired(RuleSet set, String eventType) {
		ObjectNode tree = Json.MAPPER.createObjectNode();
		tree.put("@timestamp", "2026-11-17T09:00:00Z");
		tree.putObject("event").put("code", "12").put("id", "reg-" + eventType);
		tree.putObject("host").put("name", "ws1.corp.example.org");
		ObjectNode winlog = tree.putObject("winlog");
		winlog.put("channel", "Microsoft-Windows-Sysmon/Operational");
		winlog.putObject("event_data").put("EventType", eventType)
			.put("TargetObject", "HKU\\S-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
		return set.detect(List.of(Event.fromTree(tree))).stream().map(Alert::getRuleName).toList();
	}
}
