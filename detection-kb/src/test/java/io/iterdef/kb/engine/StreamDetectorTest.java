package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.iterdef.kb.engine.EngineTestRules.SEQUENCE;
import static io.iterdef.kb.engine.EngineTestRules.SINGLE;
import static io.iterdef.kb.engine.EngineTestRules.T0;
import static io.iterdef.kb.engine.EngineTestRules.THRESHOLD;
import static io.iterdef.kb.engine.EngineTestRules.at;
import static io.iterdef.kb.engine.EngineTestRules.s;
import static org.assertj.core.api.Assertions.assertThat;

/** Reorder buffer + session: in-grace events reordered, late events judged by single-event rules only. */
class StreamDetectorTest {

	static final Duration GRACE = Duration.ofSeconds(5);

	List<Alert> emitted;

	List<Event> failed;

	StreamDetector detector;

	@BeforeEach
	void open() {
		emitted = new ArrayList<>();
		failed = new ArrayList<>();
		detector = EngineTestRules.rules().newStreamDetector(GRACE, emitted::add, (e, ex) -> failed.add(e));
	}

	@AfterEach
	void close() {
		detector.close();
		assertThat(failed).isEmpty();
	}

	/** Moves the clock to T0 + {@code seconds} - grace by feeding unrelated events. */
	private void clockTo(long seconds) {
		detector.add(at(s(seconds), "noise"));
	}

	@Test
	void shouldRaiseAndCountALateEventWhenItMatchesASingleEventRule() {
		clockTo(60);
		clockTo(70);
		assertThat(detector.session().currentTime()).isEqualTo(T0.plusSeconds(60));

		detector.add(at(s(30), "bad"));

		assertThat(detector.lateEvents()).isEqualTo(1);
		assertThat(emitted).extracting(Alert::getRuleName).containsExactly(SINGLE);
		assertThat(emitted.get(0).getTimestamp()).as("the late event's own time").isEqualTo(T0.plusSeconds(30));
		assertThat(detector.session().currentTime()).as("the clock is untouched").isEqualTo(T0.plusSeconds(60));
		assertThat(detector.session().factCount()).as("not in the main session").isEqualTo(1);
	}

	@Test
	void shouldNotCompleteAThresholdWhenTheThirdEventIsLate() {
		detector.add(at(0, "step"));
		detector.add(at(s(20), "step"));
		clockTo(65);
		clockTo(75);
		assertThat(detector.session().currentTime()).isEqualTo(T0.plusSeconds(65));

		detector.add(at(s(30), "step"));
		detector.flush();

		assertThat(detector.lateEvents()).isEqualTo(1);
		assertThat(emitted).isEmpty();
	}

	@Test
	void shouldNotCompleteASequenceWhenTheSecondEventIsLate() {
		detector.add(at(0, "first"));
		clockTo(40);
		clockTo(50);

		detector.add(at(s(30), "second"));
		detector.flush();

		assertThat(detector.lateEvents()).isEqualTo(1);
		assertThat(emitted).isEmpty();
	}

	@Test
	void shouldReorderAndEvaluateWithAllRulesWhenOutOfOrderWithinGrace() {
		detector.add(at(s(10), "second"));
		detector.add(at(s(12), "step"));
		detector.add(at(s(14), "step"));
		detector.add(at(s(8), "first")); // 2 s older than the newest: within grace
		detector.add(at(s(11), "step")); // 3 s older than the newest: within grace

		detector.flush();

		assertThat(detector.lateEvents()).isZero();
		assertThat(emitted).extracting(Alert::getRuleName).containsExactlyInAnyOrder(SEQUENCE, THRESHOLD);
		Alert threshold = emitted.stream().filter(a -> a.getRuleName().equals(THRESHOLD)).findFirst().orElseThrow();
		assertThat(threshold.getEvents()).extracting(Event::getTimestamp)
			.containsExactly(T0.plusSeconds(11), T0.plusSeconds(12), T0.plusSeconds(14));
	}

	@Test
	void shouldCountALateMatchIntoTheOpenWindowWhenItFallsNextToTheAlert() {
		detector.add(at(s(40), "bad"));
		clockTo(60);
		clockTo(70);
		assertThat(emitted).hasSize(1);

		detector.add(at(s(30), "bad"));
		detector.add(at(s(35), "bad"));
		clockTo(660);
		clockTo(700);

		assertThat(detector.lateEvents()).isEqualTo(2);
		assertThat(emitted).hasSize(2);
		assertThat(emitted.get(1).getId()).isEqualTo(emitted.get(0).getId());
		assertThat(emitted.get(1).getSuppressedCount()).isEqualTo(2);
		assertThat(emitted.get(1).getLastSuppressedAt()).isEqualTo(T0.plusSeconds(35));
	}

	@Test
	void shouldSuppressTheRestOfALateBacklogWhenItIsOlderThanTheSuppressionPeriod() {
		clockTo(3600);
		clockTo(3610);
		for (int i = 0; i < 20; i++) {
			detector.add(at(s(10L * i), "bad")); // an hour old: a shipper catching up
		}

		assertThat(detector.lateEvents()).isEqualTo(20);
		assertThat(emitted).hasSize(1);
		assertThat(emitted.get(0).getTimestamp()).isEqualTo(T0);
		clockTo(3600 + 610);
		clockTo(3600 + 620); // the clock reaches 3600 + 610 s, past the window's close (opened at clock 3600, + 10 min)
		assertThat(emitted).hasSize(2);
		assertThat(emitted.get(1).getSuppressedCount()).isEqualTo(19);
	}

	@Test
	void shouldTreatAnEventOlderThanTheClockAsLateAfterAQuietFlush() {
		detector.add(at(s(10), "noise"));
		detector.flush();
		assertThat(detector.session().currentTime()).isEqualTo(T0.plusSeconds(10));

		detector.add(at(s(9), "bad"));

		assertThat(detector.lateEvents()).isEqualTo(1);
		assertThat(emitted).extracting(Alert::getRuleName).containsExactly(SINGLE);
	}
	@Test
	void shouldCompleteASequenceOnceAndNotRaiseAgainWhenRestoredFromItsEvents() {
		Event first = at(s(10), "first");
		Event second = at(s(20), "second");
		Event waiting = at(s(23), "bad");
		// before the restart: first and second evaluated (the sequence alerted), the last one still in the buffer
		StreamDetector restored = EngineTestRules.rules().newStreamDetector(GRACE, emitted::add, (e, ex) -> failed.add(e));
		try {
			restored.restore(List.of(first, second, waiting).iterator(), 2, T0.plusSeconds(20), T0.plusSeconds(23));

			assertThat(emitted).as("muted while the session is rebuilt").isEmpty();
			assertThat(restored.session().currentTime()).isEqualTo(T0.plusSeconds(20));
			assertThat(restored.buffered()).isEqualTo(1);
			restored.add(at(s(40), "second")); // matches again within the 10 min suppression: counted, not raised
			restored.flush();
			// the waiting event's single-event alert was raised when it arrived, before the restart (eager rule)
			assertThat(emitted).isEmpty();
		}
		finally {
			restored.close();
		}
	}

	@Test
	void shouldRaiseTheSequenceWhenOnlyItsFirstEventWasEvaluatedBeforeTheRestart() {
		StreamDetector restored = EngineTestRules.rules().newStreamDetector(GRACE, emitted::add, (e, ex) -> failed.add(e));
		try {
			restored.restore(List.of(at(s(10), "first")).iterator(), 1, T0.plusSeconds(10), T0.plusSeconds(10));
			restored.add(at(s(30), "second"));
			restored.flush();

			assertThat(emitted).extracting(Alert::getRuleName).containsExactly(SEQUENCE);
		}
		finally {
			restored.close();
		}
	}

}
