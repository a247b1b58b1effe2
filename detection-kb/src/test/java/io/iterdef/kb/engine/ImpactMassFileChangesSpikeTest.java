package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spike (rate against the recent baseline) on the pseudo clock: a host's Sysmon 11/23/26 count in a minute exceeding
 * 10 times its mean of the preceding 30 minutes, and at least 100, once 30 minutes of baseline exist.
 */
class ImpactMassFileChangesSpikeTest extends RuleSessionTest {

	static final String RULE = "Mass file changes: file creations and deletions spike on a host";

	/** A minute boundary: the baseline counts aligned minutes. */
	static final Instant T0 = Instant.parse("2026-11-17T09:30:00Z");

	static final Instant BURST = T0.plus(Duration.ofMinutes(30));

	static final String HOST = "FIN-WS07.corp.example.org";

	int file;

	@Test
	void shouldFireWhenAMinuteReachesTheFloorOverAQuietBaseline() {
		baseline(1);
		burst(BURST, 99);
		assertThat(alerts).isEmpty();
		burst(BURST.plusSeconds(50), 1);
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
		assertThat(alerts.get(0).getGroupKey()).isEqualTo("fin-ws07.corp.example.org");
		assertThat(alerts.get(0).getAttack()).containsExactly("T1486", "T1485");
	}

	@Test
	void shouldFireOnlyAboveTenTimesABusyBaseline() {
		baseline(15); // mean 15 a minute: the minute must exceed 150
		burst(BURST, 150);
		assertThat(alerts).isEmpty();
		burst(BURST.plusSeconds(59), 1);
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireAtTheBaselineRate() {
		baseline(15);
		for (int m = 30; m < 90; m++) {
			burst(T0.plus(Duration.ofMinutes(m)), 15);
		}
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireWhenTheBurstComesWithLessThanThirtyMinutesOfBaseline() {
		burst(T0, 1);
		burst(T0.plus(Duration.ofMinutes(29)), 499);
		assertThat(alerts).isEmpty();
		// from minute 30 the baseline is full, and includes that burst: mean (1 + 499) / 30, threshold 167
		burst(T0.plus(Duration.ofMinutes(30)), 166);
		assertThat(alerts).isEmpty();
		burst(T0.plus(Duration.ofMinutes(30)).plusSeconds(50), 1);
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireWhenTheBurstIsSpreadOverTwoMinutes() {
		baseline(1);
		burst(BURST.plusSeconds(30), 99);
		burst(BURST.plusSeconds(60), 99);
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldCountEachHostAgainstItsOwnBaseline() {
		baseline(1);
		for (int i = 0; i < 120; i++) {
			session.insert(created(BURST.plusMillis(100L * i), "FIN-WS11.corp.example.org"));
		}
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldRaiseOnceWhileSuppressed() {
		baseline(1);
		burst(BURST, 400);
		burst(BURST.plusSeconds(60), 400);
		assertThat(alerts).hasSize(1);
	}

	/** {@code perMinute} file creations in each of the 30 minutes from T0. */
	void baseline(int perMinute) {
		for (int m = 0; m < 30; m++) {
			burst(T0.plus(Duration.ofMinutes(m)), perMinute);
		}
	}

	/** {@code count} file events from {@code start}, 100 ms apart (alternately a creation and a deletion). */
	void burst(Instant start, int count) {
		for (int i = 0; i < count; i++) {
			Instant at = start.plusMillis(100L * i);
			session.insert(i % 2 == 0 ? created(at, HOST) : deleted(at));
		}
	}

	Event created(Instant time, String host) {
		return NxlogRecords.event("sysmon_11", time, Map.of("Hostname", host, "TargetFilename",
				"C:\\Users\\jdoe\\Documents\\report_" + (file++) + ".xlsx.locked"));
	}

	Event deleted(Instant time) {
		return NxlogRecords.event("sysmon_23", time, Map.of("Hostname", HOST, "TargetFilename",
				"C:\\Users\\jdoe\\Documents\\report_" + (file++) + ".xlsx"));
	}
}
