package io.iterdef.kb.cli;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.cli.KbCliTest.Run;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.iterdef.kb.cli.KbCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DecodeCommandTest {

	static final String XML_EVENT = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
			+ "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>"
			+ "<EventID>3</EventID><Version>5</Version><Level>4</Level><Task>3</Task><Opcode>0</Opcode>"
			+ "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-11T09:41:30.0071233Z'/>"
			+ "<EventRecordID>184215</EventRecordID><Execution ProcessID='3120' ThreadID='4500'/>"
			+ "<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS-FIN-042.corp.example.com</Computer>"
			+ "<Security UserID='S-1-5-18'/></System><EventData><Data Name='Image'>C:\\Windows\\System32\\rundll32.exe</Data>"
			+ "<Data Name='DestinationIp'>203.0.113.45</Data><Data Name='DestinationPort'>443</Data></EventData></Event>";

	final List<Path> temp = new ArrayList<>();


	Path file(String suffix, String content) throws Exception {
		Path f = Files.createTempFile("decode", suffix);
		temp.add(f);
		Files.writeString(f, content, StandardCharsets.UTF_8);
		return f;
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (Path f : temp) {
			Files.deleteIfExists(f);
		}
	}

	@Test
	void shouldPrintOneEventPerLineAndReportRefusalsWhenLinesAreMixed() throws Exception {
		Path lines = file(".log", "<14>1 2024-03-11T09:41:30.2Z WS-FIN-042 nxlog - - - " + XML_EVENT + "\n"
				+ "\n<38>Mar 11 10:41:31 fw01 sshd[4121]: Accepted publickey for root\n"
				+ "Record 3\n{\"hello\":\"world\"}\n");
		Run run = run("decode", lines.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out().lines()).singleElement().satisfies(line -> {
			Event e = Event.fromJson(line.getBytes(StandardCharsets.UTF_8));
			assertThat(e.getCode()).isEqualTo("3");
			assertThat(e.fieldString("iterdef.format")).isEqualTo("syslog+windows-xml");
			assertThat(e.getId()).isEqualTo(Json.sha1Hex(XML_EVENT));
		});
		assertThat(run.err()).contains(lines + ":3: refused: syslog message from fw01 (app sshd): the payload is not")
			.contains(lines + ":5: refused: JSON object of no known shipper format")
			.contains("files: 1, records: 3, events: 1, refused: 2")
			.contains("1  syslog+windows-xml");
		assertThat(run("decode", "--strict", lines.toString()).exit()).isEqualTo(1);
	}

	@Test
	void shouldStreamEveryEventWhenTheFileIsAnXmlExport() throws Exception {
		Path xml = file(".xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n" + XML_EVENT + "\n" + XML_EVENT
			.replace("184215", "184216") + "\n" + XML_EVENT.replace("<EventID>3</EventID>", "") + "\n</Events>\n");
		Run run = run("decode", "--pretty", xml.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("\"record_id\" : \"184216\"");
		assertThat(run.err()).contains(xml + ":5: refused: no System/EventID")
			.contains("files: 1, records: 3, events: 2, refused: 1");
		Path cut = file(".xml", "<Events>\n" + XML_EVENT + "\n" + XML_EVENT.substring(0, 300));
		assertThat(run("decode", cut.toString()).err()).contains(":3: refused: not Windows event XML: truncated XML")
			.contains("records: 1, events: 1, refused: 1");
	}

	@Test
	void shouldReadPrettyPrintedJsonWhenEvtxDumpWroteIt() throws Exception {
		Path json = file(".json", """
				Record 1
				{
				  "Event": {
				    "System": {
				      "Provider": { "#attributes": { "Name": "Microsoft-Windows-Sysmon" } },
				      "EventID": 1,
				      "TimeCreated": { "#attributes": { "SystemTime": "2024-03-11T09:41:25.554129Z" } },
				      "Channel": "Microsoft-Windows-Sysmon/Operational",
				      "Computer": "WS-FIN-042.corp.example.com"
				    },
				    "EventData": { "Image": "C:\\\\Windows\\\\System32\\\\cmd.exe", "CommandLine": "cmd /c \\"whoami {x}\\"" }
				  }
				}
				""");
		Run run = run("decode", "--zone", "Europe/Paris", json.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.err()).contains("records: 1, events: 1, refused: 0").contains("1  evtx-dump-json");
		assertThat(run.out()).contains("\"command_line\":\"cmd /c \\\"whoami {x}\\\"\"");
	}

	@Test
	void shouldPrintAgentEventsWhenTheFileHoldsAgentResults() throws Exception {
		String result = "{\"recordType\":\"agent-result\",\"version\":1,\"taskId\":\"t-1\",\"taskType\":\"net.connections\","
				+ "\"params\":{},\"status\":\"succeeded\",\"error\":null,\"finishedAt\":\"2026-11-29T03:40:00.123Z\","
				+ "\"attempt\":1,\"requestedBy\":\"alice\",\"source\":\"analyst\",\"host\":\"lab-lx01\",\"os\":\"linux\","
				+ "\"agentId\":\"a-1\",\"data\":{\"count\":2,\"connections\":[{\"protocol\":\"tcp\",\"localPort\":22},"
				+ "{\"protocol\":\"udp\",\"localPort\":53}]},\"uploads\":[]}";
		Path lines = file(".ndjson", result + "\n{\"recordType\":\"agent-result\",\"taskId\":\"t-2\"}\n");
		Run run = run("decode", lines.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out().lines().map(l -> Event.fromJson(l.getBytes(StandardCharsets.UTF_8))))
			.extracting(e -> e.fieldString("network.transport")).containsExactly("tcp", "udp");
		assertThat(run.err()).contains(lines + ":2: refused: agent-result without taskType")
			.contains("records: 2, events: 2, refused: 1");
		assertThat(run("decode", "--format", "agent-result", lines.toString()).exit()).isZero();
	}

	@Test
	void shouldExitWithUsageErrorWhenArgumentsAreWrong() {
		assertThat(run("decode").exit()).isEqualTo(2);
		assertThat(run("decode", "/no/such/file.xml").err()).contains("cannot read file: /no/such/file.xml");
		Run format = run("decode", "--format", "csv", "x.json");
		assertThat(format.exit()).isEqualTo(2);
		assertThat(format.err()).contains("unknown --format 'csv' (one of: ").contains("windows-xml");
		assertThat(run("decode", "--zone", "Mars/Olympus", "x.json").exit()).isEqualTo(2);
	}

	@Test
	void shouldDecodeEveryEventWhenRunOnTheXmlRecordings() throws Exception {
		Path datasets = TestResources.datasets();
		assumeTrue(datasets != null, "../shared/datasets not found: skipping");
		Path xml = datasets.resolve("deepblue-smb-bruteforce-4625/smb-password-guessing-security.xml");
		Run run = run("decode", xml.toString());
		assertThat(run.err()).contains("records: 3561, events: 3561, refused: 0").contains("3561  windows-xml");
		assertThat(run.out().lines().count()).isEqualTo(3561);
	}

}
