package io.iterdef.kb.decode.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** agent-result records shaped as the agent server's AgentResultRecord, with the agent executors' data maps. */
class AgentResultDecoderTest {

	static final Decoders DECODERS = Decoders.defaults(ZoneOffset.UTC,
			Clock.fixed(Instant.parse("2026-11-17T12:00:00Z"), ZoneOffset.UTC));

	static final String TASK = "0b1c2d3e-4f50-4617-8283-94a5b6c7d8e9";

	/** An AgentResultRecord as the server serializes it (field order of the record). */
	static ObjectNode record(String type, String status, Object data) {
		ObjectNode r = Json.MAPPER.createObjectNode();
		r.put("recordType", "agent-result");
		r.put("version", 1);
		r.put("taskId", TASK);
		r.put("taskType", type);
		r.putObject("params");
		r.put("status", status);
		r.putNull("error");
		r.put("finishedAt", "2026-11-17T09:31:40.512Z");
		r.put("attempt", 1);
		r.put("requestedBy", "1f5545ce-c189-4794-bf62-026bcf939c2e");
		r.put("source", "rule");
		r.put("host", "FIN-WS07.corp.example.org");
		r.put("os", "windows");
		r.put("agentId", "7d8c2f1e-5b3a-4c9d-8e1f-2a3b4c5d6e7f");
		r.set("data", Json.MAPPER.valueToTree(data));
		r.putArray("uploads");
		return r;
	}

	static List<Event> decode(ObjectNode record, String hint) throws DecodeException {
		return DECODERS.decode(Json.write(record), hint);
	}

	@Test
	void shouldMakeOneEventPerProcessWhenProcessListSucceeded() throws Exception {
		ObjectNode r = record("process.list", "succeeded", Map.of("count", 2, "processes", List.of(
				Map.of("pid", 4, "executable", "System"),
				Map.of("pid", 6120, "ppid", 4012, "executable", "C:\\Users\\jdoe\\procdump64.exe", "args",
						List.of("-ma", "lsass.exe"), "user", "CORP\\jdoe", "start", "2026-11-17T09:30:58.120Z"))));
		List<Event> events = decode(r, null);
		assertThat(events).hasSize(2);
		Event p = events.get(1);
		assertThat(p.getId()).isEqualTo(Json.sha1Hex(TASK + ":1"));
		assertThat(p.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T09:31:40.512Z"));
		assertThat(p.getHostName()).isEqualTo("fin-ws07.corp.example.org");
		assertThat(p.getProvider()).isEqualTo("iterdef-agent");
		assertThat(p.fieldString("event.module")).isEqualTo("iterdef-agent");
		assertThat(p.fieldString("event.dataset")).isEqualTo("agent.process.list");
		assertThat(p.fieldString("event.kind")).isEqualTo("event");
		assertThat(p.field("process.pid")).isEqualTo(6120L);
		assertThat(p.field("process.parent.pid")).isEqualTo(4012L);
		assertThat(p.getProcessExecutable()).isEqualTo("C:\\Users\\jdoe\\procdump64.exe");
		assertThat(p.getProcessName()).isEqualTo("procdump64.exe");
		assertThat(p.getCommandLine()).isEqualTo("C:\\Users\\jdoe\\procdump64.exe -ma lsass.exe");
		assertThat(p.getUserName()).isEqualTo("jdoe");
		assertThat(p.fieldString("user.domain")).isEqualTo("CORP");
		assertThat(p.isProcessStart()).isFalse();
		assertThat(p.fieldString("iterdef.task.id")).isEqualTo(TASK);
		assertThat(p.fieldString("iterdef.task.type")).isEqualTo("process.list");
		assertThat(p.fieldString("iterdef.task.source")).isEqualTo("rule");
		assertThat(p.fieldString("iterdef.task.requested_by")).isEqualTo("1f5545ce-c189-4794-bf62-026bcf939c2e");
		assertThat(p.fieldString("iterdef.task.rule_id")).isEqualTo("1f5545ce-c189-4794-bf62-026bcf939c2e");
		assertThat(p.fieldString("agent.id")).isEqualTo("7d8c2f1e-5b3a-4c9d-8e1f-2a3b4c5d6e7f");
		assertThat(events.get(0).getId()).isEqualTo(Json.sha1Hex(TASK + ":0"));
	}

	@Test
	void shouldGiveTheSameEventsWhenTheRecordIsReplayed() throws Exception {
		ObjectNode r = record("process.list", "succeeded", Map.of("processes", List.of(Map.of("pid", 1))));
		assertThat(decode(r, "agent-result")).isEqualTo(decode(r, null));
	}

	@Test
	void shouldCarryHashesWhenFileHashSucceeded() throws Exception {
		ObjectNode r = record("file.hash", "succeeded", Map.of("path", "/tmp/x/tool.exe", "size", 12, "sha256",
				"AB".repeat(32), "sha1", "c".repeat(40), "md5", "d".repeat(32)));
		Event e = decode(r, null).get(0);
		assertThat(e.fieldString("file.path")).isEqualTo("/tmp/x/tool.exe");
		assertThat(e.fieldString("file.name")).isEqualTo("tool.exe");
		assertThat(e.field("file.size")).isEqualTo(12L);
		assertThat(e.fieldString("file.hash.sha256")).isEqualTo("ab".repeat(32));
		assertThat(e.fieldString("file.hash.md5")).isEqualTo("d".repeat(32));
		assertThat(e.fieldString("event.outcome")).isEqualTo("success");
	}

	@Test
	void shouldMapStatAndCollectWhenFileTasksSucceeded() throws Exception {
		Event stat = decode(record("file.stat", "succeeded", Map.of("path", "/etc/passwd", "type", "file", "size", 2048,
				"modified", "2026-11-01T00:00:00Z", "owner", "root", "group", "root", "mode", "rw-r--r--")), null).get(0);
		assertThat(stat.fieldString("file.type")).isEqualTo("file");
		assertThat(stat.fieldString("file.owner")).isEqualTo("root");
		assertThat(stat.fieldString("file.mode")).isEqualTo("rw-r--r--");
		assertThat(stat.fieldString("file.mtime")).isEqualTo("2026-11-01T00:00:00Z");
		Event collect = decode(record("file.collect", "succeeded", Map.of("path", "C:\\evidence.bin", "size", 150000,
				"sha256", "e".repeat(64), "uploadId", "5f0e1d2c-3b4a-4596-8777-a8b9c0d1e2f3")), null).get(0);
		assertThat(collect.fieldString("file.name")).isEqualTo("evidence.bin");
		assertThat(collect.fieldString("file.hash.sha256")).isEqualTo("e".repeat(64));
		assertThat(collect.fieldString("iterdef.upload.id")).isEqualTo("5f0e1d2c-3b4a-4596-8777-a8b9c0d1e2f3");
	}

	@Test
	void shouldMakeOneEventPerEntryAndConnectionWhenListsSucceeded() throws Exception {
		List<Event> entries = decode(record("dir.list", "succeeded", Map.of("path", "/tmp", "count", 2, "truncated",
				false, "errors", List.of(), "entries", List.of(
						Map.of("path", "/tmp/a", "type", "dir", "size", 4096, "modified", "2026-11-17T09:00:00Z", "depth", 1),
						Map.of("path", "/tmp/a/b.sh", "type", "file", "size", 10, "modified", "2026-11-17T09:00:00Z",
								"depth", 2)))), null);
		assertThat(entries).extracting(e -> e.fieldString("file.path")).containsExactly("/tmp/a", "/tmp/a/b.sh");
		assertThat(entries.get(1).field("iterdef.dir.depth")).isEqualTo(2L);
		List<Event> connections = decode(record("net.connections", "succeeded", Map.of("count", 1, "connections",
				List.of(Map.of("protocol", "tcp6", "localAddress", "::1", "localPort", 8443, "remoteAddress", "::1",
						"remotePort", 51234, "state", "ESTABLISHED", "pid", 4242)))), null);
		Event c = connections.get(0);
		assertThat(c.fieldString("network.transport")).isEqualTo("tcp");
		assertThat(c.fieldString("network.type")).isEqualTo("ipv6");
		assertThat(c.fieldString("source.ip")).isEqualTo("::1");
		assertThat(c.field("source.port")).isEqualTo(8443L);
		assertThat(c.field("destination.port")).isEqualTo(51234L);
		assertThat(c.field("process.pid")).isEqualTo(4242L);
		assertThat(c.fieldString("event.dataset")).isEqualTo("agent.net.connections");
	}

	@Test
	void shouldMakeOneEventPerHitWhenMemoryScanFoundPatterns() throws Exception {
		List<Event> hits = decode(record("memory.scan", "succeeded", Map.of("pid", 4242, "processName", "java",
				"bytesScanned", 1000, "regionsScanned", 3, "truncated", false, "hits", List.of(
						Map.of("pattern", "mimikatz", "patternIndex", 0, "address", "0x7f00a0", "region", "[heap]",
								"context", "6d696d696b61747a"),
						Map.of("pattern", "sekurlsa", "patternIndex", 1, "address", "0x7f00f0", "region", "[heap]",
								"context", "73656b75726c7361")))), null);
		assertThat(hits).hasSize(2);
		assertThat(hits.get(1).fieldString("iterdef.memory.pattern")).isEqualTo("sekurlsa");
		assertThat(hits.get(1).fieldString("iterdef.memory.address")).isEqualTo("0x7f00f0");
		assertThat(hits.get(1).field("process.pid")).isEqualTo(4242L);
		assertThat(hits.get(1).getProcessName()).isEqualTo("java");
	}

	@Test
	void shouldSayNothingWasFoundWhenAListIsEmpty() throws Exception {
		List<Event> events = decode(record("memory.scan", "succeeded", Map.of("pid", 4242, "hits", List.of())), null);
		assertThat(events).hasSize(1);
		assertThat(events.get(0).field("iterdef.task.items")).isEqualTo(0L);
		assertThat(events.get(0).fieldString("event.outcome")).isEqualTo("success");
		assertThat(events.get(0).fieldString("iterdef.memory.pattern")).isNull();
	}

	@Test
	void shouldMakeOneFailureEventWhenTheTaskFailed() throws Exception {
		ObjectNode r = record("file.hash", "failed", null);
		r.put("error", "no such file: /tmp/gone");
		((ObjectNode) r.get("params")).put("path", "/tmp/gone");
		List<Event> events = decode(r, null);
		assertThat(events).hasSize(1);
		Event e = events.get(0);
		assertThat(e.fieldString("event.outcome")).isEqualTo("failure");
		assertThat(e.fieldString("error.message")).isEqualTo("no such file: /tmp/gone");
		assertThat(e.fieldString("file.path")).isEqualTo("/tmp/gone");
		assertThat(e.fieldString("event.dataset")).isEqualTo("agent.file.hash");
		assertThat(e.getId()).isEqualTo(Json.sha1Hex(TASK + ":0"));
	}

	@Test
	void shouldDecodeWindowsEventsWithProvenanceWhenEventlogQuerySucceeded() throws Exception {
		String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
				+ "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>"
				+ "<EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode>"
				+ "<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2026-11-17T08:00:00.000000Z'/>"
				+ "<EventRecordID>4711</EventRecordID><Execution ProcessID='620' ThreadID='700'/>"
				+ "<Channel>Security</Channel><Computer>FIN-WS07.corp.example.org</Computer><Security/></System>"
				+ "<EventData><Data Name='TargetUserName'>jdoe</Data><Data Name='TargetDomainName'>CORP</Data>"
				+ "<Data Name='LogonType'>10</Data><Data Name='IpAddress'>10.1.2.3</Data></EventData></Event>";
		List<Event> events = decode(record("eventlog.query", "succeeded", Map.of("channel", "Security", "query", "*",
				"returned", 1, "truncated", false, "events", List.of(xml))), null);
		assertThat(events).hasSize(1);
		Event e = events.get(0);
		assertThat(e.getCode()).isEqualTo("4624");
		assertThat(e.getChannel()).isEqualTo("Security");
		assertThat(e.fieldString("event.module")).isEqualTo("security");
		assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T08:00:00Z"));
		assertThat(e.getUserName()).isEqualTo("jdoe");
		assertThat(e.getId()).isEqualTo(Json.sha1Hex(TASK + ":0"));
		assertThat(e.fieldString("iterdef.task.type")).isEqualTo("eventlog.query");
		assertThat(e.fieldString("iterdef.task.finished_at")).isEqualTo("2026-11-17T09:31:40.512Z");
		assertThat(e.fieldString("agent.id")).isEqualTo("7d8c2f1e-5b3a-4c9d-8e1f-2a3b4c5d6e7f");
	}

	@Test
	void shouldRefuseWithTheReasonWhenTheRecordIsMalformed() {
		ObjectNode noHost = record("process.list", "succeeded", Map.of("processes", List.of()));
		noHost.remove("host");
		assertThatThrownBy(() -> decode(noHost, null)).isInstanceOf(DecodeException.class)
			.hasMessageContaining("agent-result without host");
		ObjectNode badList = record("process.list", "succeeded", Map.of("processes", "none"));
		assertThatThrownBy(() -> decode(badList, null)).hasMessageContaining("data.processes is not a list");
		ObjectNode noPid = record("process.list", "succeeded", Map.of("processes", List.of(Map.of("name", "x"))));
		assertThatThrownBy(() -> decode(noPid, null)).hasMessageContaining("data.processes[0] has no pid");
		ObjectNode badTime = record("agent.info", "succeeded", Map.of());
		badTime.put("finishedAt", "yesterday");
		assertThatThrownBy(() -> decode(badTime, null)).hasMessageContaining("finishedAt 'yesterday'");
		ObjectNode shell = record("shell.exec", "succeeded", Map.of());
		assertThatThrownBy(() -> decode(shell, null)).hasMessageContaining("'shell.exec' is not on the allow-list");
		ObjectNode badXml = record("eventlog.query", "succeeded", Map.of("events", List.of("<Event>")));
		assertThatThrownBy(() -> decode(badXml, null)).hasMessageContaining("data.events[0]");
		assertThatThrownBy(() -> DECODERS.decode("{\"recordType\":\"x\"}".getBytes(StandardCharsets.UTF_8),
				"agent-result")).hasMessageContaining("not an agent-result record");
	}

	@Test
	void shouldLeaveOtherJsonAloneWhenItOnlyMentionsAgentResult() {
		assertThatThrownBy(() -> DECODERS.decode("{\"note\":\"agent-result\"}".getBytes(StandardCharsets.UTF_8), null))
			.hasMessageContaining("JSON object of no known shipper format");
		assertThat(DECODERS.formatNames()).contains("agent-result");
	}

	@Test
	void shouldMapAgentInfoAndUpdateWhenTheySucceeded() throws Exception {
		Event info = decode(record("agent.info", "succeeded", Map.of("hostname", "fin-ws07", "os", "windows",
				"osVersion", "10.0", "agentVersion", "0.1.0", "ips", List.of("10.1.2.3"), "labels", Map.of("site", "fra"))),
				null).get(0);
		assertThat(info.fieldString("agent.version")).isEqualTo("0.1.0");
		assertThat(info.field("host.ip")).isEqualTo(List.of("10.1.2.3"));
		Event update = decode(record("agent.update", "succeeded", Map.of("fromVersion", "0.1.0", "toVersion", "0.2.0",
				"sha256", "F".repeat(64))), null).get(0);
		assertThat(update.fieldString("iterdef.update.to_version")).isEqualTo("0.2.0");
		assertThat(update.fieldString("iterdef.update.sha256")).isEqualTo("f".repeat(64));
	}

}
