package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden files: src/test/resources/raw/nxlog/CASE.json decodes to decoded/nxlog/CASE.json. Run with
 * {@code -Diterdef.golden.update=true} to regenerate the outputs, then review the git diff.
 */
class NxlogDecoderTest {

	static final Path RAW = Path.of("src/test/resources/raw/nxlog");

	static final Path DECODED = Path.of("src/test/resources/decoded/nxlog");

	static final Clock INGEST = Clock.fixed(Instant.parse("2026-11-17T12:00:00Z"), ZoneOffset.UTC);

	final Decoders decoders = Decoders.defaults(ZoneOffset.UTC, INGEST);

	static Stream<String> cases() throws IOException {
		try (Stream<Path> files = Files.list(RAW)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("cases")
	void shouldMatchGoldenFileWhenRawRecordIsDecoded(String name) throws Exception {
		List<Event> events = decoders.decode(Files.readAllBytes(RAW.resolve(name)), null);
		assertThat(events).hasSize(1);
		JsonNode actual = Json.MAPPER.readTree(events.get(0).toJson());
		Path golden = DECODED.resolve(name);
		if (Boolean.getBoolean("iterdef.golden.update")) {
			Files.createDirectories(DECODED);
			Files.writeString(golden, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(actual) + "\n");
		}
		assertThat(golden).as("golden file (run with -Diterdef.golden.update=true)").exists();
		assertThat(actual).isEqualTo(Json.MAPPER.readTree(golden.toFile()));
	}

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
		assertThat(e.fieldString("event.action")).isEqualTo("Process Create (rule: ProcessCreate)");
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
		assertThat(e.fieldString("event.action")).isEqualTo("created-process");
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
		assertThat(e.field("process")).isNull();
		assertThat(e.field("winlog.event_data.AccountName")).as("NXLog's own field, not EventData").isNull();
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
		assertThatThrownBy(() -> decoders.decode("<13>Nov 17 09:00:00 host app: hello".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("not JSON: ");
		assertThatThrownBy(() -> decoders.decode("{\"Channel\":\"Security\",\"EventTime\":\"2026-11-17 09:00:00\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessage("no EventID field: not an NXLog im_msvistalog record");
		assertThatThrownBy(() -> decoders.decode("{\"EventID\":4624,\"EventTime\":\"2026-11-17 09:00:00\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessage("no Channel field: not an NXLog im_msvistalog record");
		assertThatThrownBy(() -> decoders.decode("{\"EventID\":4624,\"Channel\":\"Security\"}".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessage("no EventTime field: not an NXLog im_msvistalog record");
		assertThatThrownBy(() -> decoders.decode("[1,2]".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessageStartingWith("not a JSON object");
		assertThatThrownBy(() -> decoders.decode("   ".getBytes(), null))
			.isInstanceOf(DecodeException.class).hasMessage("empty record");
		assertThatThrownBy(() -> decoders.decode("{}".getBytes(), "syslog"))
			.isInstanceOf(DecodeException.class).hasMessage("unsupported format hint: syslog");
	}

	private Event decode(String name) throws Exception {
		return decoders.decode(Files.readAllBytes(RAW.resolve(name)), Decoders.NXLOG_JSON).get(0);
	}

	private static long Duration(Event utc, Event other) {
		return java.time.Duration.between(other.getTimestamp(), utc.getTimestamp()).getSeconds();
	}
}
