package io.iterdef.kb.decode.ecs.mapping.sysmon;

import io.iterdef.kb.decode.ecs.mapping.Classification;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;

import java.util.List;

import static io.iterdef.kb.decode.ecs.mapping.Classification.of;

/**
 * Sysmon (channel Microsoft-Windows-Sysmon/Operational), every documented event id 1 to 29 and 255 (error).
 * event.category/type/action are those of Elastic's Windows integration, data stream sysmon_operational
 * (elastic/integrations packages/windows/data_stream/sysmon_operational/elasticsearch/ingest_pipeline/default.yml,
 * script "Add ECS categorization fields"); the fields are mapped the same way as that pipeline does, whatever the id
 * ({@link SysmonProcessFields}, {@link SysmonFileFields}, {@link SysmonNetworkFields}, {@link SysmonRegistryFields}),
 * except that winlog.event_data keeps every original field (Elastic removes the ones it renames).
 */
public final class SysmonMappings {

	private SysmonMappings() {
	}

	public static MappingTable table() {
		MappingTable t = new MappingTable();
		add(t, 1, of("process", "Process creation", "start"));
		add(t, 2, of("file", "A process changed a file creation time", "change"));
		add(t, 3, of("network", "Network connection", "start", "connection", "protocol"));
		add(t, 4, of("process", "Sysmon service state changed", "change"));
		add(t, 5, of("process", "Process terminated", "end"));
		add(t, 6, of("driver", "Driver loaded", "start"));
		add(t, 7, of("process", "Image loaded", "change"));
		add(t, 8, of("process", "CreateRemoteThread", "change"));
		add(t, 9, of("process", "RawAccessRead", "access"));
		add(t, 10, of("process", "ProcessAccess", "access"));
		add(t, 11, of("file", "FileCreate", "creation"));
		List<String> registry = List.of("configuration", "registry");
		add(t, 12, of(registry, List.of("change"), "RegistryEvent (Object create and delete)"));
		add(t, 13, of(registry, List.of("change"), "RegistryEvent (Value Set)"));
		add(t, 14, of(registry, List.of("change"), "RegistryEvent (Key and Value Rename)"));
		add(t, 15, of("file", "FileCreateStreamHash", "access"));
		add(t, 16, of("configuration", "ServiceConfigurationChange", "change"));
		add(t, 17, of("file", "PipeEvent (Pipe Created)", "creation"));
		add(t, 18, of("file", "PipeEvent (Pipe Connected)", "access"));
		add(t, 19, of("process", "WmiEvent (WmiEventFilter activity detected)", "info"));
		add(t, 20, of("process", "WmiEvent (WmiEventConsumer activity detected)", "change"));
		add(t, 21, of("process", "WmiEvent (WmiEventConsumerToFilter activity detected)", "access"));
		add(t, 22, of("network", "DNSEvent (DNS query)", "connection", "protocol", "info"));
		add(t, 23, of("file", "FileDelete (File Delete archived)", "deletion"));
		// Elastic sets no category for the clipboard event, only its type.
		add(t, 24, of((String) null, "ClipboardChange (New content in the clipboard)", "change"));
		add(t, 25, of("process", "ProcessTampering (Process image change)", "change"));
		add(t, 26, of("file", "FileDeleteDetected (File Delete logged)", "deletion"));
		add(t, 27, of("file", "FileBlockExecutable", "creation").withOutcome("failure"));
		add(t, 28, of("file", "FileBlockShredding", "deletion"));
		add(t, 29, of("file", "FileExecutableDetected", "creation"));
		add(t, 255, of("process", "Error").withOutcome("failure"));
		return t;
	}

	private static void add(MappingTable t, int id, Classification c) {
		t.put(id, c, (e, ecs) -> {
			SysmonProcessFields.map(e, ecs);
			SysmonFileFields.map(e, ecs);
			SysmonNetworkFields.map(e, ecs);
			SysmonRegistryFields.map(e, ecs);
		});
	}

}
