package io.iterdef.bench.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicReaderTest {

	@Test
	void shouldCountEveryPassWhenRatingSeveralPasses() {
		TopicReader.Rate rate = new TopicReader.Rate(3 * 20_000, 2_000_000_000L);

		assertThat(rate.perSecond()).isEqualTo(30_000.0);
	}
}
