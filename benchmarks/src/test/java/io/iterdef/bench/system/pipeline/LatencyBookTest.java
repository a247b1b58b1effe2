package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyBookTest {
	private final LatencyBook book = new LatencyBook();

	@Test
	void shouldTimeFromTheIntendedSendTimeWhenTheAlertArrives() {
		book.sent(100, 1_000_000_000L);

		assertThat(book.arrived(100, 1_250_000_000L)).isTrue();

		assertThat(book.percentileMillis(50)).isCloseTo(250, within(0.5));
		assertThat(book.recorded()).isEqualTo(1);
		assertThat(book.missing()).isZero();
	}

	@Test
	void shouldCountAnAlertOnceWhenItArrivesAgain() {
		book.sent(100, 0);
		book.arrived(100, 10_000_000L);

		assertThat(book.arrived(100, 900_000_000L)).isFalse();

		assertThat(book.recorded()).isEqualTo(1);
		assertThat(book.maxMillis()).isCloseTo(10, within(0.1));
	}

	@Test
	void shouldIgnoreAlertsOfRecordsNotSentInThisPhaseWhenTheyArrive() {
		assertThat(book.arrived(7, 5)).isFalse();

		assertThat(book.recorded()).isZero();
		assertThat(book.percentileMillis(99)).isNaN();
	}

	@Test
	void shouldReportTheTailAndTheMissingWhenSomeAlertsAreSlowOrLost() {
		for (int i = 0; i < 1_000; i++) {
			book.sent(i, 0);
		}
		for (int i = 0; i < 990; i++) {
			book.arrived(i, (i < 980 ? 100 : 5_000) * 1_000_000L);
		}

		assertThat(book.percentileMillis(50)).isCloseTo(100, within(0.1));
		assertThat(book.percentileMillis(99.9)).isCloseTo(5_000, within(5.0));
		assertThat(book.missing()).isEqualTo(10);
	}
}
