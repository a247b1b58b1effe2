package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTextTest {
	private final TimeText time = new TimeText();

	@Test
	void shouldWriteSecondsAndMillisecondsInUtcWhenSet() {
		time.at(Instant.parse("2026-11-29T07:12:03.118Z").toEpochMilli());

		assertThat(text(time.seconds())).isEqualTo("2026-11-29 07:12:03");
		assertThat(text(time.millis())).isEqualTo("2026-11-29 07:12:03.118");
	}

	@Test
	void shouldFollowTheTimeWhenSetAgainWithinAndAcrossSeconds() {
		long t = Instant.parse("2026-11-29T23:59:59.998Z").toEpochMilli();
		time.at(t);
		time.at(t + 1);

		assertThat(text(time.millis())).isEqualTo("2026-11-29 23:59:59.999");

		time.at(t + 7);

		assertThat(text(time.seconds())).isEqualTo("2026-11-30 00:00:00");
		assertThat(text(time.millis())).isEqualTo("2026-11-30 00:00:00.005");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.US_ASCII);
	}
}
