package io.iterdef.bench.mix;

import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventMixTest {

	private final List<Event> mix = EventMix.generate(200, 5_000, 1);

	@Test
	void shouldHoldProcessStartsLogonsAndConnectionsWhenGenerated() {
		Set<String> codes = mix.stream().map(Event::getCode).collect(Collectors.toSet());

		assertThat(mix).hasSize(5_000);
		assertThat(codes).containsExactlyInAnyOrder("1", "3", "4624", "4625");
		assertThat(mix.stream().filter(Event::isProcessStart).count()).isGreaterThan(1_000);
	}

	@Test
	void shouldSpreadOverTheHostsWhenGenerated() {
		Set<String> hosts = mix.stream().map(Event::getHostName).collect(Collectors.toSet());

		assertThat(hosts).hasSizeBetween(190, 200).allSatisfy(h -> assertThat(h).endsWith(".corp.example.org"));
	}

	@Test
	void shouldHaveStrictlyIncreasingTimesAndDistinctIdsWhenGenerated() {
		for (int i = 1; i < mix.size(); i++) {
			assertThat(mix.get(i).getTimestampMillis()).isGreaterThan(mix.get(i - 1).getTimestampMillis());
		}
		assertThat(mix.stream().map(Event::getId).distinct().count()).isEqualTo(mix.size());
	}

	@Test
	void shouldBeTheSameWhenGeneratedTwiceWithOneSeed() {
		assertThat(EventMix.generate(200, 5_000, 1)).isEqualTo(mix);
	}
}
