package io.iterdef.kb.decode.evtxjson;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EvtxJsonDecoderTest {

	static final Decoders DECODERS = Decoders.defaults(ZoneOffset.UTC,
			Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC));

	static final String SERVICE_7045 = "{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},"
			+ "\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Service Control Manager\",\"Guid\":\"555908d1-a6d7-4695-8e1e-26931d2012f4\","
			+ "\"EventSourceName\":\"Service Control Manager\"}},\"EventID\":{\"#attributes\":{\"Qualifiers\":16384},\"#text\":7045},"
			+ "\"Version\":0,\"Level\":4,\"Task\":0,\"Opcode\":0,\"Keywords\":\"0x8080000000000000\","
			+ "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2024-02-20T17:02:51.918203Z\"}},\"EventRecordID\":30177,"
			+ "\"Correlation\":null,\"Execution\":{\"#attributes\":{\"ProcessID\":712,\"ThreadID\":3388}},\"Channel\":\"System\","
			+ "\"Computer\":\"APP02.corp.example.com\",\"Security\":{\"#attributes\":{\"UserID\":\"S-1-5-21-3623811015-3361044348-30300820-1013\"}}},"
			+ "\"EventData\":{\"ServiceName\":\"WinSvcUpd\",\"ImagePath\":\"%COMSPEC% /b /c start /b /min powershell -nop -w hidden -enc SQBFAFgA\","
			+ "\"ServiceType\":\"user mode service\",\"StartType\":\"demand start\",\"AccountName\":\"LocalSystem\"}}}";

	@Test
	void shouldReadSystemAndEventDataWhenEventIdHasQualifiers() throws Exception {
		WinEvent e = DECODERS.decodeWinEvents(SERVICE_7045.getBytes(StandardCharsets.UTF_8), null).get(0);
		assertThat(e.format).isEqualTo("evtx-dump-json");
		assertThat(e.id).isEqualTo(Json.sha1Hex(SERVICE_7045));
		assertThat(e.eventId).isEqualTo(7045);
		assertThat(e.provider).isEqualTo("Service Control Manager");
		assertThat(e.providerGuid).isEqualTo("555908d1-a6d7-4695-8e1e-26931d2012f4");
		assertThat(e.channel).isEqualTo("System");
		assertThat(e.computer).isEqualTo("APP02.corp.example.com");
		assertThat(e.timestamp).isEqualTo("2024-02-20T17:02:51.918203Z");
		assertThat(e.recordId).isEqualTo(30177L);
		assertThat(e.processId).isEqualTo(712L);
		assertThat(e.threadId).isEqualTo(3388L);
		assertThat(e.version).isZero();
		assertThat(e.level).isEqualTo("4");
		assertThat(e.keywords).isEqualTo("0x8080000000000000");
		assertThat(e.userSid).startsWith("S-1-5-21-");
		assertThat(e.eventData).containsEntry("AccountName", "LocalSystem").containsEntry("StartType", "demand start");
	}

	@Test
	void shouldKeepNumbersAsTextAndUnnamedDataApartWhenEventDataIsMixed() throws Exception {
		String emet = "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"EMET\"}},"
				+ "\"EventID\":{\"#attributes\":{\"Qualifiers\":0},\"#text\":1},\"Level\":3,\"Channel\":\"Application\","
				+ "\"Computer\":\"LAB-W7-03\",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2024-02-01T13:05:44Z\"}}},"
				+ "\"EventData\":{\"Data\":{\"#text\":[\"EMET version 5.52.6268.33232\\nEMET detected StackPivot mitigation\"]},"
				+ "\"Binary\":null}}}";
		WinEvent e = DECODERS.decodeWinEvents(emet.getBytes(StandardCharsets.UTF_8), "evtx-dump-json").get(0);
		assertThat(e.eventId).isEqualTo(1);
		assertThat(e.unnamedData).containsExactly("EMET version 5.52.6268.33232\nEMET detected StackPivot mitigation");
		assertThat(e.eventData).containsEntry("Binary", "");
		String cleared = "{\"Event\":{\"System\":{\"EventID\":1102,\"Channel\":\"Security\",\"TimeCreated\":{\"#attributes\":"
				+ "{\"SystemTime\":\"2024-03-12T02:11:09.118726Z\"}}},\"UserData\":{\"LogFileCleared\":{\"#attributes\":{\"xmlns\":"
				+ "\"http://manifests.microsoft.com/win/2004/08/windows/eventlog\"},\"SubjectUserName\":\"jdoe\",\"SubjectLogonId\":\"0x3e7a41\"}}}}";
		assertThat(DECODERS.decodeWinEvents(cleared.getBytes(StandardCharsets.UTF_8), null).get(0).eventData)
			.containsEntry("SubjectUserName", "jdoe")
			.containsEntry("SubjectLogonId", "0x3e7a41");
	}

	@Test
	void shouldRefuseWithTheReasonWhenSystemFieldsAreMissing() {
		assertThatThrownBy(() -> DECODERS.decodeWinEvents(SERVICE_7045.replace("\"Channel\":\"System\",", "")
			.getBytes(StandardCharsets.UTF_8), null)).isInstanceOf(DecodeException.class)
			.hasMessageContaining("no Event.System.Channel");
		assertThatThrownBy(() -> DECODERS.decodeWinEvents(SERVICE_7045.replace("2024-02-20T17:02:51.918203Z", "soon")
			.getBytes(StandardCharsets.UTF_8), null)).hasMessageContaining("is not a time: 'soon'");
		assertThatThrownBy(() -> DECODERS.decodeWinEvents(SERVICE_7045.replace("\"#text\":7045", "\"#text\":\"x\"")
			.getBytes(StandardCharsets.UTF_8), null)).hasMessageContaining("Event.System.EventID is not an event id");
	}

	@Test
	void shouldDecodeTheSigmaRegressionExampleWhenPresent() throws Exception {
		Path datasets = TestResources.datasets();
		assumeTrue(datasets != null, "../shared/datasets not found: skipping the evtx_dump example");
		Path file = datasets.resolve("formats/evtx_dump-json/sigma-regression-proc_access_win_lsass_memdump.json");
		WinEvent e = DECODERS.decodeWinEvents(Files.readAllBytes(file), null).get(0);
		assertThat(e.eventId).isEqualTo(10);
		assertThat(e.channel).isEqualTo("Microsoft-Windows-Sysmon/Operational");
		assertThat(e.eventData).containsEntry("GrantedAccess", "0x1fffff").containsEntry("SourceProcessId", "7188");
	}

}
