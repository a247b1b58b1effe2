package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.iterdef.kb.engine.EngineTestRules.SINGLE;
import static io.iterdef.kb.engine.EngineTestRules.T0;
import static io.iterdef.kb.engine.EngineTestRules.at;
import static io.iterdef.kb.engine.EngineTestRules.s;
import static org.assertj.core.api.Assertions.assertThat;

/** @suppress counts suppressed matches and emits the alert again with the count when its window closes. */
class SuppressionCountTest {

	static final long TEN_MINUTES = Duration.ofMinutes(10).toMillis();

	List<Alert> emitted;

	DetectionSession session;

	@BeforeEach
	void open() {
		emitted = new ArrayList<>();
		session = EngineTestRules.rules().newSession(emitted::add);
	}

	@AfterEach
	void close() {
		session.close();
	}

	@Test
	void shouldEmitAtFirstMatchThenOnceMoreWithTheCountWhenTheWindowCloses() {
		for (int i = 0; i < 5; i++) {
			session.insert(at(s(30L * i), "bad"));
		}
		assertThat(emitted).hasSize(1);
		Alert first = emitted.get(0);
		assertThat(first.getRuleName()).isEqualTo(SINGLE);
		assertThat(first.getSuppressedCount()).isZero();
		assertThat(first.getLastSuppressedAt()).isNull();

		session.advanceTo(T0.plusMillis(TEN_MINUTES - 1));
		assertThat(emitted).as("window still open").hasSize(1);
		session.advanceTo(T0.plusMillis(TEN_MINUTES));

		assertThat(emitted).hasSize(2);
		Alert update = emitted.get(1);
		assertThat(update.getId()).isEqualTo(first.getId());
		assertThat(update.getTimestamp()).isEqualTo(first.getTimestamp());
		assertThat(update.getEventIds()).isEqualTo(first.getEventIds());
		assertThat(update.getSuppressedCount()).isEqualTo(4);
		assertThat(update.getLastSuppressedAt()).isEqualTo(T0.plusSeconds(120));
		assertThat(Alert.fromJson(update.toJson()).getSuppressedCount()).isEqualTo(4);
	}

	@Test
	void shouldSuppressAMatchOneMillisecondBeforeTheWindowEndsAndRaiseANewAlertAtItsEnd() {
		session.insert(at(0, "bad"));
		session.insert(at(TEN_MINUTES - 1, "bad"));
		assertThat(emitted).hasSize(1);

		session.insert(at(TEN_MINUTES, "bad"));

		assertThat(emitted).hasSize(3);
		assertThat(emitted.get(1).getId()).isEqualTo(emitted.get(0).getId());
		assertThat(emitted.get(1).getSuppressedCount()).isEqualTo(1);
		assertThat(emitted.get(1).getLastSuppressedAt()).isEqualTo(T0.plusMillis(TEN_MINUTES - 1));
		Alert next = emitted.get(2);
		assertThat(next.getId()).as("a new alert, its own count").isNotEqualTo(emitted.get(0).getId());
		assertThat(next.getTimestamp()).isEqualTo(T0.plusMillis(TEN_MINUTES));
		assertThat(next.getSuppressedCount()).isZero();

		session.insert(at(TEN_MINUTES + 1, "bad"));
		session.advanceTo(T0.plusMillis(2 * TEN_MINUTES));
		assertThat(emitted).hasSize(4);
		assertThat(emitted.get(3).getId()).isEqualTo(next.getId());
		assertThat(emitted.get(3).getSuppressedCount()).as("the new window starts a new count").isEqualTo(1);
	}

	@Test
	void shouldNotEmitAgainWhenNothingWasSuppressed() {
		session.insert(at(0, "bad"));
		session.advanceTo(T0.plus(Duration.ofHours(1)));
		session.closeSuppressionWindows();
		assertThat(emitted).hasSize(1);
	}

	@Test
	void shouldRaiseEveryMatchWhenSuppressIsZero() {
		session.insert(at(0, "loud"));
		session.insert(at(1, "loud"));
		session.insert(at(2, "loud"));
		session.advanceTo(T0.plus(Duration.ofHours(1)));
		session.closeSuppressionWindows();

		assertThat(emitted).hasSize(3).allSatisfy(a -> assertThat(a.getSuppressedCount()).isZero());
		assertThat(emitted).extracting(Alert::getId).doesNotHaveDuplicates();
	}

	@Test
	void shouldEmitTheCountButNotTheAlertWhenTheAlertWasRaisedWhileMuted() {
		session.setAlertsMuted(true); // a state rebuild: the alert itself was sent before the restart
		session.insert(at(0, "bad"));
		session.insert(at(s(1), "bad"));
		session.setAlertsMuted(false);
		session.insert(at(s(2), "bad"));
		assertThat(emitted).isEmpty();

		session.advanceTo(T0.plusMillis(TEN_MINUTES));

		assertThat(emitted).singleElement().satisfies(a -> assertThat(a.getSuppressedCount()).isEqualTo(2));
	}

	@Test
	void shouldKeepCountsPerGroupKeyWhenTwoHostsMatch() {
		session.insert(at(0, "bad"));
		session.insert(other(s(1)));
		session.insert(at(s(2), "bad"));
		session.insert(other(s(3)));
		session.insert(other(s(4)));
		session.advanceTo(T0.plusMillis(TEN_MINUTES + s(10)));

		assertThat(emitted).hasSize(4);
		assertThat(emitted.subList(2, 4)).extracting(Alert::getHostName, Alert::getSuppressedCount)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(EngineTestRules.HOST, 1L),
					org.assertj.core.groups.Tuple.tuple("ws02", 2L));
	}

	@Test
	void shouldReturnEachAlertOnceWithItsFinalCountWhenRunOffline() {
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			events.add(at(s(10L * i), "bad"));
		}
		events.add(at(s(3600), "bad"));

		List<Alert> alerts = EngineTestRules.rules().detect(events);

		// the window of the last alert is still open at the end of the input: its count (0) is final too
		assertThat(alerts).extracting(Alert::getTimestamp, Alert::getSuppressedCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(T0, 3L),
					org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(3600), 0L));
	}

	@Test
	void shouldEmitThePendingCountWhenAnOfflineRunEndsInsideTheWindow() {
		List<Alert> alerts = EngineTestRules.rules().detect(List.of(at(0, "bad"), at(s(1), "bad"), at(s(2), "bad")));

		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).getSuppressedCount()).isEqualTo(2);
		assertThat(alerts.get(0).getLastSuppressedAt()).isEqualTo(T0.plusSeconds(2));
	}

	private static Event other(long millis) {
		return DiscoveryReconCommandBurstTest.start("ws02", Instant.ofEpochMilli(T0.toEpochMilli() + millis),
				new String[] { "x.exe", "bad" });
	}
}
