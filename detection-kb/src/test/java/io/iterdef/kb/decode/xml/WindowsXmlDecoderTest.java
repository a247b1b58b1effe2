package io.iterdef.kb.decode.xml;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowsXmlDecoderTest {

	static final Decoders DECODERS = Decoders.defaults(ZoneOffset.UTC,
			Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC));

	static final String SYSMON_22 = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
			+ "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>"
			+ "<EventID>22</EventID><Version>5</Version><Level>4</Level><Task>22</Task><Opcode>0</Opcode>"
			+ "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-11T09:41:27.3361420Z'/>"
			+ "<EventRecordID>184211</EventRecordID><Correlation/><Execution ProcessID='3120' ThreadID='4416'/>"
			+ "<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS-FIN-042.corp.example.com</Computer>"
			+ "<Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data>"
			+ "<Data Name='UtcTime'>2024-03-11 09:41:26.118</Data>"
			+ "<Data Name='ProcessGuid'>{8d3f2a61-d1e4-65ee-9c01-000000000b00}</Data>"
			+ "<Data Name='ProcessId'>7764</Data><Data Name='QueryName'>update-cdn.example.net</Data>"
			+ "<Data Name='QueryStatus'>0</Data><Data Name='QueryResults'>::ffff:203.0.113.45;</Data>"
			+ "<Data Name='Image'>C:\\Users\\jdoe\\AppData\\Local\\Temp\\svch0st.exe</Data>"
			+ "<Data Name='User'>CORP\\jdoe</Data></EventData></Event>";

	static final String LIBEVTX_4625 = """
			<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
			  <System>
			    <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/>
			    <EventID>4625</EventID>
			    <Version>0</Version>
			    <Level>0</Level>
			    <Task>12544</Task>
			    <Opcode>0</Opcode>
			    <Keywords>0x8010000000000000</Keywords>
			    <TimeCreated SystemTime="2024-03-11T22:03:17.482913700Z"/>
			    <EventRecordID>902114</EventRecordID>
			    <Correlation ActivityID="{9A1D0F3E-73B2-0001-4C0F-1D9AB273DA01}"/>
			    <Execution ProcessID="668" ThreadID="5012"/>
			    <Channel>Security</Channel>
			    <Computer>DC01.corp.example.com</Computer>
			    <Security/>
			  </System>
			  <EventData>
			    <Data Name="SubjectUserSid">S-1-0-0</Data>
			    <Data Name="SubjectLogonId">0x0000000000000000</Data>
			    <Data Name="TargetUserName">administrator</Data>
			    <Data Name="Status">0xc000006d</Data>
			    <Data Name="SubStatus">0xc000006a</Data>
			    <Data Name="LogonType">3</Data>
			    <Data Name="LogonProcessName">NtLmSsp </Data>
			    <Data Name="ProcessId">0x0000000000000000</Data>
			    <Data Name="IpAddress">198.51.100.23</Data>
			  </EventData>
			</Event>""";

	static List<WinEvent> decode(String xml) throws DecodeException {
		return DECODERS.decodeWinEvents(xml.getBytes(StandardCharsets.UTF_8), null);
	}

	@Test
	void shouldReadEverySystemFieldWhenWindowsRenderedTheEvent() throws Exception {
		WinEvent e = decode(SYSMON_22).get(0);
		assertThat(e.format).isEqualTo("windows-xml");
		assertThat(e.id).isEqualTo(Json.sha1Hex(SYSMON_22));
		assertThat(e.provider).isEqualTo("Microsoft-Windows-Sysmon");
		assertThat(e.providerGuid).isEqualTo("{5770385f-c22a-43e0-bf4c-06f5698ffbd9}");
		assertThat(e.eventId).isEqualTo(22);
		assertThat(e.version).isEqualTo(5);
		assertThat(e.level).isEqualTo("4");
		assertThat(e.task).isEqualTo("22");
		assertThat(e.opcode).isEqualTo("0");
		assertThat(e.keywords).isEqualTo("0x8000000000000000");
		assertThat(e.timestamp).isEqualTo(Instant.parse("2024-03-11T09:41:27.336142Z"));
		assertThat(e.recordId).isEqualTo(184211L);
		assertThat(e.processId).isEqualTo(3120L);
		assertThat(e.threadId).isEqualTo(4416L);
		assertThat(e.channel).isEqualTo("Microsoft-Windows-Sysmon/Operational");
		assertThat(e.computer).isEqualTo("WS-FIN-042.corp.example.com");
		assertThat(e.userSid).isEqualTo("S-1-5-18");
		assertThat(e.eventData).containsEntry("QueryName", "update-cdn.example.net")
			.containsEntry("Image", "C:\\Users\\jdoe\\AppData\\Local\\Temp\\svch0st.exe")
			.containsEntry("User", "CORP\\jdoe");
		assertThat(e.eventData.keySet()).startsWith("RuleName", "UtcTime", "ProcessGuid");
	}

	@Test
	void shouldKeepPaddedHexAndNineDigitTimesWhenLibevtxRenderedTheEvent() throws Exception {
		WinEvent e = decode(LIBEVTX_4625).get(0);
		assertThat(e.timestamp).isEqualTo(Instant.parse("2024-03-11T22:03:17.482913700Z"));
		assertThat(e.eventData).containsEntry("SubjectLogonId", "0x0000000000000000")
			.containsEntry("ProcessId", "0x0000000000000000")
			.containsEntry("LogonProcessName", "NtLmSsp ");
		assertThat(e.activityId).isEqualTo("{9A1D0F3E-73B2-0001-4C0F-1D9AB273DA01}");
		assertThat(e.userSid).isNull();
		assertThat(e.id).isEqualTo(Json.sha1Hex(LIBEVTX_4625));
	}

	@Test
	void shouldGiveEachEventTheIdOfItsOwnTextWhenWrappedInEvents() throws Exception {
		String wrapped = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- export -->\n<Events>\n" + SYSMON_22 + "\n"
				+ LIBEVTX_4625 + "\n</Events>\n";
		List<WinEvent> events = decode(wrapped);
		assertThat(events).extracting(e -> e.eventId).containsExactly(22, 4625);
		assertThat(events.get(0).id).isEqualTo(decode(SYSMON_22).get(0).id);
		assertThat(events.get(1).id).isEqualTo(Json.sha1Hex(LIBEVTX_4625));
		// wevtutil qe /f:xml writes events one after the other without a wrapper
		assertThat(decode(SYSMON_22 + LIBEVTX_4625)).hasSize(2);
	}

	@Test
	void shouldPutUnnamedDataApartWhenTheProviderIsClassic() throws Exception {
		List<WinEvent> events = decode("""
				<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="EMET"/>
				<EventID Qualifiers="0">2</EventID><Level>2</Level><Task>0</Task><Keywords>0x0080000000000000</Keywords>
				<TimeCreated SystemTime="2024-02-01T13:05:44.000000000Z"/><EventRecordID>5521</EventRecordID>
				<Channel>Application</Channel><Computer>LAB-W7-03</Computer><Security/></System>
				<EventData><Data>EMET version 5.52.6268.33232
				EMET detected HeapSpray mitigation and will close the application: iexplore.exe</Data><Binary>00AF</Binary></EventData></Event>""");
		WinEvent e = events.get(0);
		assertThat(e.eventId).isEqualTo(2);
		assertThat(e.provider).isEqualTo("EMET");
		assertThat(e.providerGuid).isNull();
		assertThat(e.unnamedData).singleElement().asString().startsWith("EMET version 5.52").contains("HeapSpray");
		assertThat(e.eventData).containsOnly(org.assertj.core.api.Assertions.entry("Binary", "00AF"));
	}

	@Test
	void shouldFlattenUserDataAndTakeRenderedNamesWhenPresent() throws Exception {
		WinEvent e = decode("""
				<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>
				<Provider Name='Microsoft-Windows-Eventlog' Guid='{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}'/>
				<EventID>1102</EventID><Version>0</Version><Level>4</Level><Task>104</Task><Opcode>0</Opcode>
				<Keywords>0x4020000000000000</Keywords><TimeCreated SystemTime='2024-03-12T02:11:09.1187262Z'/>
				<EventRecordID>903881</EventRecordID><Correlation/><Execution ProcessID='1084' ThreadID='7336'/>
				<Channel>Security</Channel><Computer>DC01.corp.example.com</Computer><Security/></System>
				<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>
				<SubjectUserSid>S-1-5-21-3623811015-3361044348-30300820-1013</SubjectUserSid>
				<SubjectUserName>jdoe</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName>
				<SubjectLogonId>0x3e7a41</SubjectLogonId></LogFileCleared></UserData>
				<RenderingInfo Culture='en-US'><Message>The audit log was cleared.&#13;
				Subject: jdoe</Message><Level>Information</Level><Task>Log clear</Task><Opcode>Info</Opcode>
				<Channel>Security</Channel><Provider>Microsoft Windows security auditing.</Provider>
				<Keywords><Keyword>Audit Success</Keyword></Keywords></RenderingInfo></Event>""").get(0);
		assertThat(e.eventData).containsEntry("SubjectUserName", "jdoe")
			.containsEntry("SubjectLogonId", "0x3e7a41")
			.hasSize(4);
		assertThat(e.message).isEqualTo("The audit log was cleared.\r\nSubject: jdoe");
		assertThat(e.level).isEqualTo("Information");
		assertThat(e.task).isEqualTo("Log clear");
		assertThat(e.opcode).isEqualTo("Info");
		assertThat(e.keywords).isEqualTo("0x4020000000000000");
	}

	@Test
	void shouldRefuseWhenTheXmlHasADoctypeOrEntities() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ SYSMON_22.replace("go.microsoft.com", "&xxe;");
		assertThatThrownBy(() -> decode(xxe)).isInstanceOf(DecodeException.class)
			.hasMessageContaining("DTDs and entity declarations are not accepted");
		String inside = SYSMON_22.replace("<System>", "<System><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/hosts'>]>");
		assertThatThrownBy(() -> decode(inside)).hasMessageContaining("DTDs and entity declarations are not accepted");
		String undeclared = SYSMON_22.replace("update-cdn.example.net", "&xxe;");
		assertThatThrownBy(() -> decode(undeclared)).hasMessageContaining("malformed event XML at line 1");
	}

	@Test
	void shouldRefuseWithTheReasonWhenTheXmlIsTruncated() {
		String cut = SYSMON_22.substring(0, SYSMON_22.indexOf("<Data Name='Image'>") + 12);
		assertThatThrownBy(() -> decode(cut)).isInstanceOf(DecodeException.class)
			.hasMessageContaining("truncated XML");
		assertThatThrownBy(() -> decode("<Events>" + SYSMON_22)).hasMessageContaining("<Events> is not closed");
		assertThatThrownBy(() -> decode(SYSMON_22.replace("</Channel>", "</Chanel>")))
			.hasMessageContaining("malformed event XML");
		assertThatThrownBy(() -> decode(SYSMON_22.replace("<EventID>22</EventID>", "")))
			.hasMessageContaining("no System/EventID");
		assertThatThrownBy(() -> decode(SYSMON_22.replace("2024-03-11T09:41:27.3361420Z", "yesterday")))
			.hasMessageContaining("TimeCreated/@SystemTime is not a time: 'yesterday'");
		assertThatThrownBy(() -> decode("<Events>\n" + SYSMON_22 + "\n" + SYSMON_22.replace("<Channel>Microsoft-Windows-Sysmon/Operational</Channel>", "")
				+ "</Events>")).hasMessageContaining("event 2 of 2 (line 3)");
		assertThatThrownBy(() -> decode("<Log><Event/></Log>")).hasMessageContaining("<Log> where an <Event>");
	}

	@Test
	void shouldParseRenderersTimesWhenTheyDifferInDigitsAndZone() throws Exception {
		assertThat(SystemTimes.parse("2019-07-18T03:34:02.025223900Z")).isEqualTo("2019-07-18T03:34:02.025223900Z");
		assertThat(SystemTimes.parse("2019-07-18T03:34:02.0252239Z")).isEqualTo("2019-07-18T03:34:02.025223900Z");
		assertThat(SystemTimes.parse("2021-04-22T22:09:26.163884Z")).isEqualTo("2021-04-22T22:09:26.163884Z");
		assertThat(SystemTimes.parse("2016-09-19 16:50:06.477878")).isEqualTo("2016-09-19T16:50:06.477878Z");
		assertThat(SystemTimes.parse("2016-09-19T18:50:06.4778789+02:00")).isEqualTo("2016-09-19T16:50:06.477878900Z");
	}

	@Test
	void shouldDecodeUtf16WhenWevtutilOutputWasRedirected() throws Exception {
		byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + SYSMON_22).getBytes(StandardCharsets.UTF_16LE);
		List<WinEvent> events = DECODERS.decodeWinEvents(utf16, null);
		assertThat(events).singleElement().satisfies(e -> assertThat(e.id).isEqualTo(Json.sha1Hex(SYSMON_22)));
	}

}
