package io.iterdef.kb.decode.nxlog;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * NXLog specifics beyond the golden files (io.iterdef.kb.decode.GoldenFilesTest covers raw/nxlog/*): field sets,
 * the Logstash envelope, times, the AccountName collision, refusals.
 */
class NxlogDecoderTest {

	static final Path RAW = Path.of("src/test/resources/raw/nxlog");

	static final Clock INGEST = Clock.fixed(Instant.parse("2026-11-17T12:00:00Z"), ZoneOffset.UTC);

	final Decoders decoders = Decoders.defaults(ZoneOffset.UTC, INGEST);

	@Test
	void shouldMapSysmonProcessCreateWhenRecordIsSysmon1() throws Exception {
		Event e = decode("sysmon1_process_create_om_tcp.json");
		assertThat(e.isProcessStart()).isTrue();
		assertThat(e.getProcessName()).isEqualTo("powershell.exe");
		assertThat(e.getParentProcessName()).isEqualTo("wscript.exe");
		assertThat(e.field("process.pid")).isEqualTo(6120L);
		assertThat(e.getHostName()).isEqualTo("fin-ws07.corp.example.org");
		assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T09:15:11.138Z"));
		assertThat(e.getUserName()).isEqualTo("jdoe");
	}

	@Test
	void shouldMapHexPidsAndSubjectWhenRecordIsSecurity4688() throws Exception {
		Event e = decode("security4688_process_creation_om_tcp.json");
		assertThat(e.field("process.pid")).isEqualTo(6120L);
		assertThat(e.field("process.parent.pid")).isEqualTo(5032L);
		assertThat(e.getParentProcessName()).isEqualTo("wscript.exe");
		assertThat(e.getUserName()).isEqualTo("jdoe");
		assertThat(e.fieldString("user.domain")).isEqualTo("CORP");
		assertThat(e.fieldString("winlog.event_data.NewProcessId")).isEqualTo("0x17e8");
	}

	@Test
	void shouldDeriveSenderOffsetWhenLogstashTimestampAndReceivedTimeArePresent() throws Exception {
		Event e = decode("security4688_logstash_derived_offset.json");
		assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T09:15:11Z"));
		assertThat(e.getChannel()).isEqualTo("Security");
		assertThat(e.field("winlog.event_data.@timestamp")).isNull();
		assertThat(e.field("winlog.event_data.host")).isNull();
	}

	@Test
	void shouldUseCollectorZoneWhenNoOffsetCanBeDerived() throws Exception {
		byte[] raw = Files.readAllBytes(RAW.resolve("security4624_logon_generic.json"));
		Event utc = decoders.decode(raw, null).get(0);
		Event paris = Decoders.defaults(ZoneId.of("Europe/Paris"), INGEST).decode(raw, null).get(0);
		assertThat(Duration(utc, paris)).isEqualTo(3600);
	}

	@Test
	void shouldKeepEveryEventDataFieldWhenEventHasNoSpecificMapping() throws Exception {
		Event e = decode("system7045_service_generic.json");
		assertThat(e.fieldString("winlog.event_data.ImagePath")).startsWith("%COMSPEC% /b /c start");
		assertThat(e.fieldString("winlog.event_data.ServiceName")).isEqualTo("UpdaterSvc");
		assertThat(e.fieldString("event.code")).isEqualTo("7045");
		assertThat(e.fieldString("winlog.user.name")).as("NXLog's resolved user").isEqualTo("jdoe");
		assertThat(e.fieldString("winlog.event_data.AccountName")).as("recovered from Message: Service Account")
			.isEqualTo("LocalSystem");
	}

	@Test
	void shouldRecoverSysmonEventTypeAndVersionFromMessageWhenNxlogOverwroteThem() throws Exception {
		Event registry = decode("corpus_sysmon_13.json");
		assertThat(registry.fieldString("winlog.event_data.EventType")).as("recovered from Message: EventType")
			.isEqualTo("SetValue");
		Event pipe = decode("corpus_sysmon_17.json");
		assertThat(pipe.fieldString("winlog.event_data.EventType")).isEqualTo("CreatePipe");
		Event state = decode("corpus_sysmon_4.json");
		assertThat(state.fieldString("winlog.event_data.Version")).as("recovered from Message: Version")
			.isEqualTo("15.14");
		assertThat(state.field("winlog.version")).as("NXLog's System version").isEqualTo(3L);
		assertThat(decode("corpus_sysmon_1.json").field("winlog.event_data.EventType")).isNull();
	}

	@Test
	void shouldTakeProcessIdAndStripEnvelopeWhenRecordIsTheOlderFieldSetViaLogstash() throws Exception {
		Event e = decode("sysmon10_lsass_access_2019_processid.json");
		assertThat(e.field("winlog.process.pid")).isEqualTo(2044L);
		assertThat(e.field("winlog.event_data.ProcessID")).isNull();
		assertThat(e.field("winlog.event_data.host")).isNull();
		assertThat(e.field("winlog.event_data.type")).isNull();
		assertThat(e.fieldString("winlog.event_data.GrantedAccess")).isEqualTo("0x1010");
		assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T14:02:31.446Z"));
	}

	@Test
	void shouldKeepProcessIdAsEventDataWhenRecordIsTheNewerFieldSet() throws Exception {
		Event e = decode("security5156_eventdata_processid_2020.json");
		assertThat(e.field("winlog.process.pid")).isEqualTo(4L);
		assertThat(e.fieldString("winlog.event_data.ProcessID")).isEqualTo("4412");
	}

	@Test
	void shouldGiveSameIdWhenTheSameRecordIsReplayedWithOtherWhitespace() throws Exception {
		byte[] raw = Files.readAllBytes(RAW.resolve("sysmon3_network_generic.json"));
		String padded = "  " + new String(raw, StandardCharsets.UTF_8).trim() + "\r\n";
		assertThat(decoders.decode(padded.getBytes(StandardCharsets.UTF_8), null).get(0).getId())
			.isEqualTo(decoders.decode(raw, null).get(0).getId())
			.isEqualTo(Json.sha1Hex(new String(raw, StandardCharsets.UTF_8).trim()));
	}

	@Test
	void shouldRejectWithReasonWhenRecordIsNotNxlogJson() {
		assertThatThrownBy(() -> decoders.decode("hello world".getBytes(), null)).isInstanceOf(DecodeException.class)
			.hasMessageStartingWith("not a known format").hasMessageEndingWith("record: \"hello world\"");
		assertThatThrownBy(() -> decoders.decode("{\"Channel\":\"Security\",\"EventTime\":\"2026-11-17 09:00:00\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("JSON object of no known shipper format (top-level fields: Channel, EventTime)");
		assertThatThrownBy(() -> decoders.decode("{\"Channel\":\"Security\",\"EventTime\":\"2026-11-17 09:00:00\"}".getBytes(), Decoders.NXLOG_JSON))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("no EventID field: not an NXLog im_msvistalog record; record: \"{\"Channel\"");
		assertThatThrownBy(() -> decoders.decode("{\"EventID\":4624,\"EventTime\":\"2026-11-17 09:00:00\"}".getBytes(), Decoders.NXLOG_JSON))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("no Channel field: not an NXLog im_msvistalog record");
		assertThatThrownBy(() -> decoders.decode("{\"EventID\":4624,\"Channel\":\"Security\",\"SourceModuleType\":\"im_msvistalog\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("no EventTime field: not an NXLog im_msvistalog record");
		assertThatThrownBy(() -> decoders.decode("{\"EventID\":\"x\",\"Channel\":\"Security\",\"EventTime\":\"2026-11-17 09:00:00\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("EventID is not an event id: \"x\"");
		assertThatThrownBy(() -> decoders.decode("{\"EventID\":1,\"Channel\":\"Security\",\"EventTime\":\"yesterday\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("EventTime is not a time: yesterday");
		assertThatThrownBy(() -> decoders.decode("[1,2]".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("not a JSON object");
		assertThatThrownBy(() -> decoders.decode("   ".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessage("empty record");
		assertThatThrownBy(() -> decoders.decode("{}".getBytes(), "bogus"))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("unsupported format hint: bogus (supported: ");
	}

	private Event decode(String name) throws Exception {
		return decoders.decode(Files.readAllBytes(RAW.resolve(name)), Decoders.NXLOG_JSON).get(0);
	}

	private static long Duration(Event utc, Event other) {
		return java.time.Duration.between(other.getTimestamp(), utc.getTimestamp()).getSeconds();
	}
}
