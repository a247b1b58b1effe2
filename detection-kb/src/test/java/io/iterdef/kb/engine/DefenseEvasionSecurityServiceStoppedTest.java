package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absence (A not followed by B within T) on the pseudo clock: a security service stopped (System 7036) and not running
 * again within 5 minutes. The alert can only exist once the clock has passed A + 5m.
 */
class DefenseEvasionSecurityServiceStoppedTest extends RuleSessionTest {

	static final String RULE = "Security or logging service stopped and not restarted within 5 minutes";

	static final Instant A = Instant.parse("2026-11-17T10:05:00Z");

	static final Duration T = Duration.ofMinutes(5);

	static final String HOST = "FIN-WS07.corp.example.org";

	@Test
	void shouldFireOnlyWhenTheClockPassesFiveMinutesWithoutARestart() {
		session.insert(state(A, "Sysmon64", "stopped"));
		assertThat(alerts).isEmpty();
		session.advanceTo(A.plus(T).minusSeconds(1));
		assertThat(alerts).isEmpty();
		session.advanceTo(A.plus(T).plusSeconds(1));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
		assertThat(alerts.get(0).getGroupKey()).isEqualTo("fin-ws07.corp.example.org|sysmon64");
		assertThat(alerts.get(0).getAttack()).contains("T1562.001");
	}

	@Test
	void shouldNotFireWhenTheServiceRunsAgainAt4m59s() {
		session.insert(state(A, "Windows Defender Antivirus Service", "stopped"));
		session.insert(state(A.plus(T).minusSeconds(1), "Windows Defender Antivirus Service", "running"));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireWhenTheServiceRunsAgainOnlyAt5m01s() {
		session.insert(state(A, "Windows Defender Antivirus Service", "stopped"));
		session.insert(state(A.plus(T).plusSeconds(1), "Windows Defender Antivirus Service", "running"));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
	}

	@Test
	void shouldFireWhenAnotherServiceOrAnotherHostRestarts() {
		session.insert(state(A, "Sysmon64", "stopped"));
		session.insert(state(A.plusSeconds(30), "Windows Update", "running"));
		session.insert(withHost(state(A.plusSeconds(40), "Sysmon64", "running"), "FIN-WS11.corp.example.org"));
		session.advanceTo(A.plus(T).plusSeconds(1));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
	}

	@Test
	void shouldNotFireWhenWindowsShutsDownWithinFiveMinutes() {
		session.insert(state(A, "Sysmon64", "stopped"));
		session.insert(state(A.plusSeconds(2), "Windows Defender Firewall", "stopped"));
		session.insert(eventLogStopped(A.plus(T)));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireWhenTheShutdownComesAfterFiveMinutes() {
		session.insert(state(A, "Sysmon64", "stopped"));
		session.insert(eventLogStopped(A.plus(T).plusSeconds(1)));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
	}

	@Test
	void shouldFireOnceWhenTheClockJumpsPastTheEventsRetention() {
		session.insert(state(A, "Sysmon64", "stopped"));
		session.advanceTo(A.plus(library().longestWindow()).plusSeconds(2));
		session.advanceTo(A.plus(Duration.ofHours(2)));
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireWhenAnUnmonitoredServiceStops() {
		session.insert(state(A, "Print Spooler", "stopped"));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(alerts).isEmpty();
	}

	static Event state(Instant time, String service, String state) {
		return NxlogRecords.event("system_7036", time, Map.of("Hostname", HOST, "param1", service, "param2", state,
				"Message", "The " + service + " service entered the " + state + " state."));
	}

	static Event withHost(Event e, String host) {
		var tree = e.toTree();
		tree.with("host").put("name", host.toLowerCase());
		return Event.fromTree(tree);
	}

	/** System 6006 (EventLog): the event log service stopped, as Windows writes it when it shuts down. */
	static Event eventLogStopped(Instant time) {
		return NxlogRecords.event("system_7036", time, Map.of("Hostname", HOST, "EventID", 6006, "SourceName", "EventLog",
				"Message", "The Event log service was stopped."));
	}
}
