package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadMixTest {
	private static final long AT = Instant.parse("2026-11-29T07:12:03.118Z").toEpochMilli();

	private final LoadMix mix = new LoadMix("t1", 50);

	private final Decoders decoders = Decoders.defaults(ZoneOffset.UTC);

	@Test
	void shouldMarkEveryHundredthRecordWhenNumbered() {
		assertThat(LoadMix.marked(0)).isTrue();
		assertThat(LoadMix.marked(1)).isFalse();
		assertThat(LoadMix.marked(99)).isFalse();
		assertThat(LoadMix.marked(100)).isTrue();
	}

	@Test
	void shouldReadTheMarkerBackWhenGivenItsHost() {
		assertThat(mix.markerOf(mix.markerHost(4200))).isEqualTo(4200);
		assertThat(mix.markerOf("m4200.t2.bench.example.org")).isEqualTo(-1);
		assertThat(mix.markerOf("ws0001.t1.bench.example.org")).isEqualTo(-1);
		assertThat(mix.markerOf("mx.t1.bench.example.org")).isEqualTo(-1);
		assertThat(mix.markerOf(null)).isEqualTo(-1);
	}

	@Test
	void shouldFireTheKnownRuleOnTheMarkersHostWhenAMarkedRecordIsDetected() throws Exception {
		Event event = decode(200, AT);

		List<Alert> alerts = RuleSet.fromClasspath().detect(List.of(event));

		assertThat(event.getHostName()).isEqualTo("m200.t1.bench.example.org");
		assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochMilli(AT));
		assertThat(alerts).filteredOn(a -> a.getRuleName().equals(LoadMix.RULE)).singleElement()
				.satisfies(a -> assertThat(mix.markerOf(a.getHostName())).isEqualTo(200));
	}

	@Test
	void shouldDecodeEveryBaselineRecordOnThePoolAtTheGivenTimeWhenRendered() throws Exception {
		List<Event> events = new ArrayList<>();
		for (long seq = 1; seq < 1_100; seq++) {
			if (!LoadMix.marked(seq)) {
				events.add(decode(seq, AT + seq));
			}
		}

		assertThat(events).allSatisfy(e -> {
			assertThat(e.getHostName()).matches("ws00[0-4][0-9]\\.t1\\.bench\\.example\\.org");
			// NXLog's EventTime has whole seconds; Sysmon's UtcTime has the millisecond
			assertThat(e.getTimestampMillis()).isBetween(AT - 1_000, AT + 1_100);
		});
		assertThat(events.stream().map(Event::getHostName).distinct().count()).isEqualTo(50);
		assertThat(events.stream().map(Event::getId).distinct().count()).isEqualTo(events.size());
	}

	private Event decode(long seq, long millis) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mix.write(out, seq, new TimeText().at(millis));
		byte[] line = out.toByteArray();
		assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
		assertThat(new String(line, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count()).isEqualTo(1);
		List<Event> events = decoders.decode(line, null);
		assertThat(events).hasSize(1);
		return events.get(0);
	}
}
