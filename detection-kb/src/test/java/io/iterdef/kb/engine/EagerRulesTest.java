package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.TaskRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.iterdef.kb.engine.EngineTestRules.T0;
import static io.iterdef.kb.engine.EngineTestRules.at;
import static io.iterdef.kb.engine.EngineTestRules.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eager rules in a stream detector: single-event rules whose action does not change working memory judge an event
 * when it arrives, before the reorder buffer, and not again when it is released; everything else as before.
 */
class EagerRulesTest {

	static final Duration GRACE = Duration.ofSeconds(5);

	static final String BAD = "Bad command";

	static final String MARKED = "Marked command";

	static final String MARKED_THEN_STEP = "Marked command then a step";

	static final String SEQUENCE = "First then second within a minute";

	private static final String DRL = """
			package rules.test.eager;

			import io.iterdef.kb.event.Event;
			import java.util.List;
			import java.util.Map;

			global io.iterdef.kb.engine.Alerts alerts;
			global io.iterdef.kb.engine.Response response;

			declare Marked
			    host : String
			end

			rule "Bad command"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0201")
			    @severity("high")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			when
			    $e : Event( code == "1", commandLine == "bad" )
			then
			    // an insert( in a comment does not count
			    alerts.raise(drools, $e.getHostName(), List.of($e));
			    response.collect(drools, $e.getHostName(), "process.list", Map.of());
			end

			rule "Marked command"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0202")
			    @severity("low")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			when
			    $e : Event( code == "1", commandLine == "marked" )
			then
			    alerts.raise(drools, $e.getHostName(), List.of($e));
			    insert(new Marked($e.getHostName()));
			end

			rule "Marked command then a step"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0203")
			    @severity("high")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			    @window("1m")
			when
			    Marked( $h : host )
			    $e : Event( code == "1", commandLine == "step", hostName == $h )
			then
			    alerts.raise(drools, $h, List.of($e));
			end

			rule "First then second within a minute"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0204")
			    @severity("medium")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			    @window("1m")
			when
			    $a : Event( code == "1", commandLine == "first", $h : hostName )
			    $b : Event( code == "1", commandLine == "second", hostName == $h, this after[0s, 1m] $a )
			then
			    alerts.raise(drools, $h, List.of($a, $b));
			end
			""";

	private static RuleSet rules;

	static synchronized RuleSet rules() {
		if (rules == null) {
			rules = RuleSet.compile(Map.of("rules/test/eager/eager.drl", DRL));
		}
		return rules;
	}

	List<Alert> emitted;

	List<TaskRequest> requested;

	List<Event> failed;

	StreamDetector detector;

	@BeforeEach
	void open() {
		emitted = new ArrayList<>();
		requested = new ArrayList<>();
		failed = new ArrayList<>();
		detector = newDetector();
	}

	private StreamDetector newDetector() {
		return rules().newStreamDetector(GRACE, emitted::add, requested::add, (e, ex) -> failed.add(e));
	}

	@AfterEach
	void close() {
		detector.close();
		assertThat(failed).isEmpty();
	}

	private List<String> names() {
		return emitted.stream().map(Alert::getRuleName).toList();
	}

	@Test
	void shouldTellEagerRulesFromTheOthers() {
		RuleSet set = rules();
		Map<String, Boolean> eager = new java.util.HashMap<>();
		set.rules().forEach(r -> eager.put(r.name(), set.isEager(r)));
		assertThat(eager).containsEntry(BAD, true)
			.containsEntry(MARKED, false) // inserts a fact another rule needs
			.containsEntry(MARKED_THEN_STEP, false)
			.containsEntry(SEQUENCE, false);
	}

	@Test
	void shouldTellEagerRulesInTheLibrary() {
		RuleSet library = RuleSet.fromClasspath();
		Map<String, Boolean> eager = new java.util.HashMap<>();
		library.rules().forEach(r -> eager.put(r.name(), library.isEager(r)));
		assertThat(eager).containsEntry("Encoded PowerShell command line", true)
			.containsEntry("Scheduled task with a suspicious action", false)
			.containsEntry("LSASS memory access by a non-system process", false)
			.containsEntry("Security or logging service stopped and not restarted within 5 minutes", false);
		for (RuleInfo r : library.rules()) {
			if (library.isEager(r)) {
				assertThat(r.singleEvent()).as(r.name()).isTrue();
			}
		}
	}

	@Test
	void shouldRaiseAnEagerAlertOnArrivalAndOnceAfterTheBufferReleasesTheEvent() {
		detector.add(at(s(10), "bad"));

		assertThat(names()).as("before the grace period passes").containsExactly(BAD);
		assertThat(emitted.get(0).getTimestamp()).isEqualTo(T0.plusSeconds(10));
		assertThat(detector.buffered()).isEqualTo(1);
		assertThat(requested).as("response actions on arrival").hasSize(1);
		assertThat(requested.get(0).alertId()).isEqualTo(emitted.get(0).getId());

		detector.add(at(s(20), "noise")); // releases the bad event into the main session
		assertThat(detector.buffered()).isEqualTo(1);
		detector.flush();

		assertThat(names()).containsExactly(BAD);
		assertThat(requested).hasSize(1);
		assertThat(detector.lateEvents()).isZero();
	}

	@Test
	void shouldRaiseTheSameAlertAsOfflineDetection() {
		Event bad = at(s(10), "bad");
		detector.add(bad);
		detector.flush();

		List<Alert> offline = rules().detect(List.of(bad));
		assertThat(offline).hasSize(1);
		assertThat(emitted).hasSize(1);
		assertThat(emitted.get(0).getId()).isEqualTo(offline.get(0).getId());
		assertThat(emitted.get(0).getTimestamp()).isEqualTo(offline.get(0).getTimestamp());
	}

	@Test
	void shouldKeepAMarkerInsertingSingleEventRuleInTheMainSession() {
		detector.add(at(s(10), "marked"));
		assertThat(emitted).as("not eager: waits for the buffer").isEmpty();

		detector.add(at(s(12), "step"));
		detector.flush();

		assertThat(names()).containsExactly(MARKED, MARKED_THEN_STEP);
	}

	@Test
	void shouldLeaveMultiEventRulesToTheMainSession() {
		detector.add(at(s(10), "first"));
		detector.add(at(s(20), "second"));
		assertThat(emitted).as("the sequence waits for the buffer").isEmpty();

		detector.add(at(s(30), "noise"));
		assertThat(names()).containsExactly(SEQUENCE);
		detector.flush();
		assertThat(names()).containsExactly(SEQUENCE);
	}

	@Test
	void shouldCountRepeatedEagerMatchesAsOfflineDetectionDoes() {
		List<Event> events = List.of(at(s(10), "bad"), at(s(70), "bad"), at(s(130), "bad"), at(s(700), "noise"));
		for (Event e : events) {
			detector.add(e);
		}
		assertThat(emitted).hasSize(1);
		assertThat(requested).hasSize(1);
		detector.flush(); // the clock passes 10 s + 10 min: the window closes with its count

		List<Alert> offline = rules().detect(events);
		assertThat(emitted).hasSize(2);
		Alert update = emitted.get(1);
		assertThat(update.getId()).isEqualTo(emitted.get(0).getId()).isEqualTo(offline.get(0).getId());
		assertThat(update.getSuppressedCount()).isEqualTo(2).isEqualTo(offline.get(0).getSuppressedCount());
		assertThat(update.getLastSuppressedAt()).isEqualTo(T0.plusSeconds(130));
		assertThat(requested).hasSize(1);
	}

	@Test
	void shouldCloseAnEagerWindowAtItsOwnTimePlusTheSuppressionPeriod() {
		detector.add(at(s(10), "bad")); // window [10 s, 610 s), opened while the clock is still at 0
		detector.add(at(s(609), "bad")); // counted: 599 s after the alert
		detector.add(at(s(610), "noise"));
		detector.add(at(s(614), "noise")); // releases up to 609 s
		assertThat(detector.session().currentTime()).isEqualTo(T0.plusSeconds(609));
		assertThat(emitted).hasSize(1);
		detector.add(at(s(615), "noise")); // releases the 610 s event: the window closes
		assertThat(emitted).hasSize(2);
		assertThat(emitted.get(1).getSuppressedCount()).isEqualTo(1);
	}

	@Test
	void shouldJudgeALateEventWithAllSingleEventRulesAsBefore() {
		detector.add(at(s(60), "noise"));
		detector.add(at(s(70), "noise"));

		detector.add(at(s(30), "marked"));
		detector.add(at(s(31), "bad"));

		assertThat(detector.lateEvents()).isEqualTo(2);
		assertThat(names()).containsExactly(MARKED, BAD);
		assertThat(requested).hasSize(1);
	}

	@Test
	void shouldNotRaiseAgainWhenRestoredWithAnEagerMatchEvaluatedOrStillBuffered() {
		Event evaluated = at(s(10), "bad");
		Event other = at(s(20), "noise");
		Event waiting = at(s(23), "bad");
		StreamDetector restored = newDetector();
		try {
			restored.rejudgeOnArrival(List.of(evaluated, other, waiting).iterator());
			restored.restore(List.of(evaluated, other, waiting).iterator(), 2, T0.plusSeconds(20),
					T0.plusSeconds(23));
			assertThat(emitted).as("muted while rebuilt").isEmpty();
			assertThat(restored.buffered()).isEqualTo(1);

			restored.add(at(s(40), "bad")); // within the rebuilt suppression window: counted
			restored.flush();
			assertThat(emitted).isEmpty();
			assertThat(requested).isEmpty();

			restored.add(at(s(700), "noise")); // past the window: its update (the count after the restart)
			restored.flush();
			assertThat(emitted).hasSize(1);
			assertThat(emitted.get(0).getSuppressedCount()).isEqualTo(2);
		}
		finally {
			restored.close();
		}
	}

	@Test
	void shouldSendTheCountOfAWindowOpenAtARestartUnderTheAlertThatOpenedIt() {
		Event arrivedFirst = at(s(12), "bad");
		Event earlierInTime = at(s(10), "bad"); // arrives next, within the grace: counted into the first one's alert
		detector.add(arrivedFirst);
		detector.add(earlierInTime);
		assertThat(emitted).singleElement()
			.satisfies(a -> assertThat(a.getEventIds()).containsExactly(arrivedFirst.getId()));
		String raised = emitted.get(0).getId();
		Instant clock = detector.session().currentTime();
		emitted.clear();

		// the task restarts: its store gives the events back in arrival order and in time order
		StreamDetector restored = newDetector();
		try {
			restored.rejudgeOnArrival(List.of(arrivedFirst, earlierInTime).iterator());
			restored.restore(List.of(earlierInTime, arrivedFirst).iterator(), 0, clock, T0.plusSeconds(12));
			assertThat(emitted).as("muted while rebuilt").isEmpty();

			restored.add(at(s(700), "noise")); // past the suppression window: it closes and sends its count
			restored.flush();

			assertThat(emitted).singleElement().satisfies(update -> {
				assertThat(update.getId()).as("the alert sent before the restart").isEqualTo(raised);
				assertThat(update.getSuppressedCount()).isEqualTo(1);
			});
		}
		finally {
			restored.close();
		}
	}

	@Test
	void shouldReportARuleErrorOnArrivalAndGoOn() {
		RuleSet throwing = RuleSet.compile(Map.of("rules/test/eager/throwing.drl", """
				package rules.test.eager;

				import io.iterdef.kb.event.Event;
				import java.util.List;

				global io.iterdef.kb.engine.Alerts alerts;

				rule "Throws"
				    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0205")
				    @severity("low")
				    @tactic("execution")
				    @attack("T1059")
				    @description("d")
				    @falsePositives("f")
				    @suppress("0")
				when
				    $e : Event( code == "1", commandLine == "throw" )
				then
				    if (true) { throw new IllegalStateException("boom"); }
				end

				rule "Bad command"
				    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0206")
				    @severity("low")
				    @tactic("execution")
				    @attack("T1059")
				    @description("d")
				    @falsePositives("f")
				    @suppress("0")
				when
				    $e : Event( code == "1", commandLine == "bad" )
				then
				    alerts.raise(drools, $e.getHostName(), List.of($e));
				end
				"""));
		List<Event> errors = new ArrayList<>();
		try (StreamDetector d = throwing.newStreamDetector(GRACE, emitted::add, (e, ex) -> errors.add(e))) {
			Event boom = at(s(10), "throw");
			d.add(boom);
			d.add(at(s(11), "bad"));
			d.flush();
			assertThat(errors).containsExactly(boom);
			assertThat(names()).containsExactly(BAD);
		}
	}
}
