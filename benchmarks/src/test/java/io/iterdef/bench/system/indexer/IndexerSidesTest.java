package io.iterdef.bench.system.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndexerSidesTest {

	@Test
	void shouldRateDocumentsOverTheWholeRunWhenStartUpTookAWhile() {
		IndexerSides.Run run = new IndexerSides.Run(20_000, 4_000_000_000L, 1_000_000_000L, 3_000_000_000L);

		assertThat(run.perSecond()).isEqualTo(5_000.0);
		assertThat(run.seconds()).isEqualTo(4.0);
		assertThat(run.startSeconds()).isEqualTo(1.0);
		assertThat(run.cpuMsPerThousand()).isEqualTo(150.0);
	}

	@Test
	void shouldNameTheDailyIndexAsTheIndexerDoesWhenTheYearIsEarly() {
		assertThat(IndexerSides.dailyIndex(LocalDate.of(1200, 1, 9))).isEqualTo("events-1200.01.09");
	}
}
