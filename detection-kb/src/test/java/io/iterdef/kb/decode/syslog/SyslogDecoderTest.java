package io.iterdef.kb.decode.syslog;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogDecoderTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-12T08:00:00Z"), ZoneOffset.UTC);

	static final Decoders DECODERS = Decoders.defaults(ZoneId.of("Europe/Berlin"), CLOCK);

	/** NXLog im_msvistalog to_json() of a Security 4625, as $Message of to_syslog_*(). */
	static final String NXLOG_4625 = "{\"EventTime\":\"2024-03-11 23:03:17\",\"Hostname\":\"DC01.corp.example.com\","
			+ "\"Keywords\":-9218868437227405312,\"EventType\":\"AUDIT_FAILURE\",\"SeverityValue\":4,\"Severity\":\"ERROR\","
			+ "\"EventID\":4625,\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
			+ "\"ProviderGuid\":\"{54849625-5478-4994-A5BA-3E3B0328C30D}\",\"Version\":0,\"Task\":12544,\"OpcodeValue\":0,"
			+ "\"RecordNumber\":902114,\"ExecutionProcessID\":668,\"ThreadID\":5012,\"Channel\":\"Security\","
			+ "\"Message\":\"An account failed to log on.\",\"Category\":\"Logon\",\"Opcode\":\"Info\","
			+ "\"SubjectUserSid\":\"S-1-0-0\",\"TargetUserName\":\"administrator\",\"Status\":\"0xc000006d\","
			+ "\"LogonType\":\"3\",\"LogonProcessName\":\"NtLmSsp \",\"IpAddress\":\"198.51.100.23\",\"IpPort\":\"51544\","
			+ "\"EventReceivedTime\":\"2024-03-11 23:03:18\",\"SourceModuleName\":\"eventlog\","
			+ "\"SourceModuleType\":\"im_msvistalog\"}";

	static final String XML_7045 = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
			+ "<Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}' "
			+ "EventSourceName='Service Control Manager'/><EventID Qualifiers='16384'>7045</EventID><Version>0</Version>"
			+ "<Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8080000000000000</Keywords>"
			+ "<TimeCreated SystemTime='2024-02-20T17:02:51.9182036Z'/><EventRecordID>30177</EventRecordID><Correlation/>"
			+ "<Execution ProcessID='712' ThreadID='3388'/><Channel>System</Channel><Computer>APP02.corp.example.com</Computer>"
			+ "<Security UserID='S-1-5-21-3623811015-3361044348-30300820-1013'/></System><EventData>"
			+ "<Data Name='ServiceName'>WinSvcUpd</Data><Data Name='ImagePath'>C:\\ProgramData\\svcupd.exe</Data>"
			+ "<Data Name='ServiceType'>user mode service</Data><Data Name='StartType'>auto start</Data>"
			+ "<Data Name='AccountName'>LocalSystem</Data></EventData></Event>";

	static List<WinEvent> decode(String message) throws DecodeException {
		return DECODERS.decodeWinEvents(message.getBytes(StandardCharsets.UTF_8), null);
	}

	@Test
	void shouldDecodeThePayloadWhenRfc5424CarriesNxlogJson() throws Exception {
		String msg = "<83>1 2024-03-11T23:03:18.114502+01:00 DC01.corp.example.com Microsoft-Windows-Security-Auditing "
				+ "668 - [NXLOG@14506 EventReceivedTime=\"2024-03-11 23:03:18\" SourceModuleName=\"eventlog\" "
				+ "SourceModuleType=\"im_msvistalog\"] \uFEFF" + NXLOG_4625;
		WinEvent e = decode(msg).get(0);
		assertThat(e.format).isEqualTo("syslog+nxlog-json");
		assertThat(e.eventId).isEqualTo(4625);
		assertThat(e.id).as("the payload's id, whatever the transport").isEqualTo(Json.sha1Hex(NXLOG_4625));
		assertThat(e.timestamp).isEqualTo("2024-03-11T22:03:17Z");
		assertThat(e.eventData).containsEntry("IpAddress", "198.51.100.23");
	}

	@Test
	void shouldDecodeThePayloadWhenRfc3164CarriesNxlogJsonOrXml() throws Exception {
		WinEvent json = decode("<83>Mar 11 23:03:18 DC01 Microsoft-Windows-Security-Auditing[668]: " + NXLOG_4625).get(0);
		assertThat(json.eventId).isEqualTo(4625);
		assertThat(json.computer).isEqualTo("DC01.corp.example.com");
		WinEvent xml = decode("<14>Feb 20 18:02:52 APP02 Service Control Manager[712]: " + XML_7045).get(0);
		assertThat(xml.format).isEqualTo("syslog+windows-xml");
		assertThat(xml.eventId).isEqualTo(7045);
		assertThat(xml.id).isEqualTo(Json.sha1Hex(XML_7045));
		assertThat(xml.eventData).containsEntry("ImagePath", "C:\\ProgramData\\svcupd.exe");
	}

	@Test
	void shouldUseTheHeaderAsFallbackWhenThePayloadLacksHostAndTime() throws Exception {
		String noComputer = XML_7045.replace("<Computer>APP02.corp.example.com</Computer>", "")
			.replace("<TimeCreated SystemTime='2024-02-20T17:02:51.9182036Z'/>", "");
		WinEvent e = decode("<14>1 2024-02-20T17:02:52.001Z app02 nxlog - - - " + noComputer).get(0);
		assertThat(e.computer).isEqualTo("app02");
		assertThat(e.timestamp).isEqualTo("2024-02-20T17:02:52.001Z");
	}

	@Test
	void shouldParseHeadersWhenFieldsAreNilOrTheYearIsMissing() throws Exception {
		byte[] ietf = "<165>1 - - - - - [a@1 x=\"q\\\"]\"][b@2] {}".getBytes(StandardCharsets.UTF_8);
		SyslogHeader h = SyslogHeader.parse(ietf, ZoneOffset.UTC, CLOCK);
		assertThat(h.rfc5424()).isTrue();
		assertThat(h.priority()).isEqualTo(165);
		assertThat(h.host()).isNull();
		assertThat(h.time()).isNull();
		assertThat(h.structuredData()).isEqualTo("[a@1 x=\"q\\\"]\"][b@2]");
		assertThat(new String(ietf, h.payloadOffset(), ietf.length - h.payloadOffset(), StandardCharsets.UTF_8))
			.isEqualTo("{}");
		// Dec 31 seen on 12 March is last year's; collector zone Europe/Berlin
		byte[] bsd = "<13>Dec 31 23:59:59 ws1 app: {}".getBytes(StandardCharsets.UTF_8);
		SyslogHeader old = SyslogHeader.parse(bsd, ZoneId.of("Europe/Berlin"), CLOCK);
		assertThat(old.time()).isEqualTo("2023-12-31T22:59:59Z");
		assertThat(old.app()).isEqualTo("app");
		assertThat(old.procId()).isNull();
		SyslogHeader padded = SyslogHeader.parse("<13>Mar  1 01:02:03 ws1 {}".getBytes(StandardCharsets.UTF_8),
				ZoneOffset.UTC, CLOCK);
		assertThat(padded.time()).isEqualTo("2024-03-01T01:02:03Z");
		assertThat(padded.app()).isNull();
	}

	@Test
	void shouldFindThePayloadWhenTheTagHoldsInvalidUtf8() throws Exception {
		byte[] prefix = "<13>Mar 11 23:03:18 ws1 ap".getBytes(StandardCharsets.UTF_8);
		byte[] rest = "p: {}".getBytes(StandardCharsets.UTF_8);
		byte[] bsd = new byte[prefix.length + 2 + rest.length];
		System.arraycopy(prefix, 0, bsd, 0, prefix.length);
		bsd[prefix.length] = (byte) 0xC3; // a lead byte without its continuation
		bsd[prefix.length + 1] = (byte) 0xFF;
		System.arraycopy(rest, 0, bsd, prefix.length + 2, rest.length);
		SyslogHeader h = SyslogHeader.parse(bsd, ZoneOffset.UTC, CLOCK);
		assertThat(new String(bsd, h.payloadOffset(), bsd.length - h.payloadOffset(), StandardCharsets.UTF_8))
			.isEqualTo("{}");
	}

	@Test
	void shouldRefuseWithTheReasonWhenThePayloadIsNotAWindowsEvent() {
		assertThatThrownBy(() -> decode("<38>Mar 11 23:05:01 fw01 sshd[4121]: Accepted publickey for root from 10.0.0.8"))
			.isInstanceOf(DecodeException.class)
			.hasMessageContaining("syslog message from fw01 (app sshd): the payload is not a Windows event (neither JSON nor XML)")
			.hasMessageContaining("record: \"Accepted publickey");
		assertThatThrownBy(() -> decode("<38>1 2024-03-11T23:05:01Z web01 nginx - - - {\"status\":404}"))
			.hasMessageContaining("syslog message from web01 (app nginx): the payload is not a Windows event: "
					+ "JSON object of no known shipper format");
		assertThatThrownBy(() -> decode("<38>1 2024-03-11T23:05:01Z web01 nginx - - -"))
			.hasMessageContaining("has no payload");
		assertThatThrownBy(() -> decode("<999>1 - - - - - - x")).hasMessageContaining("priority out of range");
		assertThatThrownBy(() -> decode("<13>yesterday ws1 app: {}")).hasMessageContaining("nor an RFC 3164 timestamp");
		assertThatThrownBy(() -> decode("<13>1 2024-13-45T00:00:00Z ws1 app - - - {}"))
			.hasMessageContaining("TIMESTAMP is not a time");
		assertThatThrownBy(() -> decode("<13>1 2024-03-11T00:00:00Z ws1 app - - [open {}"))
			.hasMessageContaining("STRUCTURED-DATA is not closed");
	}

}
