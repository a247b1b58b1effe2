package io.iterdef.bench.system.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.bench.mix.SampleRecords;
import io.iterdef.streams.index.EventDocument;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EcsDocumentsTest {
	private static final LocalDate DAY = LocalDate.of(1234, 5, 6);

	private static EcsDocuments documents;

	@BeforeAll
	static void decode() {
		documents = EcsDocuments.decode(SampleRecords.all());
	}

	@Test
	void shouldGiveEveryDocumentItsOwnIdWhenTheEventsRepeat() {
		Set<String> ids = new HashSet<>();
		long n = documents.distinct() * 3L;
		for (long i = 0; i < n; i++) {
			ids.add(documents.document(i, DAY).path("event").path("id").asText());
		}

		assertThat(ids).hasSize((int) n);
	}

	@Test
	void shouldLandInTheDaysIndexWhenTheIndexerRoutesIt() {
		ObjectNode doc = documents.document(5, DAY);

		EventDocument routed = EventDocument.forEvent(EcsDocuments.bytes(doc));

		assertThat(routed.index()).isEqualTo(IndexerSides.dailyIndex(DAY)).isEqualTo("events-1234.05.06");
		assertThat(routed.id()).endsWith("-5");
	}

	@Test
	void shouldKeepTheTimeOfDayWhenMovingTheDate() {
		ObjectNode original = documents.document(0, LocalDate.of(2026, 11, 18));
		ObjectNode moved = documents.document(0, DAY);

		assertThat(moved.path("@timestamp").asText().substring(10))
				.isEqualTo(original.path("@timestamp").asText().substring(10));
		assertThat(EcsDocuments.hostName(moved)).isNotBlank();
	}
}
