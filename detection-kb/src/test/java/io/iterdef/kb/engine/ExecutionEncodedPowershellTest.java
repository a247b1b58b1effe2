package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single event on the pseudo clock: one event matches, a near miss does not, and @suppress("10m") allows one alert
 * per host per 10 minutes.
 */
class ExecutionEncodedPowershellTest extends RuleSessionTest {

	static final String RULE = "Encoded PowerShell command line";

	static final Instant T0 = Instant.parse("2026-11-17T09:15:11Z");

	static final Duration SUPPRESS = Duration.ofMinutes(10);

	static final String BLOB = "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA";

	@Test
	void shouldFireOnTheMatchingEvent() {
		Event e = start(T0, "powershell.exe -NoProfile -enc " + BLOB);
		session.insert(e);
		assertThat(raised()).hasSize(1);
		Alert alert = raised().get(0);
		assertThat(alert.getEventIds()).containsExactly(e.getId());
		assertThat(alert.getGroupKey()).isEqualTo("fin-ws07.corp.example.org");
		assertThat(alert.getTimestamp()).isEqualTo(T0);
	}

	@Test
	void shouldNotFireOnANearMiss() {
		session.insert(start(T0, "powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\inventory.ps1"));
		session.insert(start(T0.plusSeconds(1), "powershell.exe -e Get-Process"));
		session.insert(start(T0.plusSeconds(2), "powershell.exe -NoProfile -Command \"Get-ChildItem -Exclude " + BLOB + "\""));
		assertThat(raised()).isEmpty();
	}

	@Test
	void shouldRaiseNothingForASecondMatchInsideTheSuppressionWindow() {
		session.insert(start(T0, "powershell.exe -NoProfile -enc " + BLOB));
		session.insert(start(T0.plus(SUPPRESS).minusSeconds(1), "powershell.exe -ec " + BLOB));
		assertThat(raised()).hasSize(1);
	}

	@Test
	void shouldRaiseAgainWhenTheSuppressionWindowHasPassed() {
		session.insert(start(T0, "powershell.exe -NoProfile -enc " + BLOB));
		session.insert(start(T0.plus(SUPPRESS), "powershell.exe -ec " + BLOB));
		assertThat(raised()).hasSize(2);
		assertThat(raised().get(1).getTimestamp()).isEqualTo(T0.plus(SUPPRESS));
	}

	@Test
	void shouldSuppressPerHost() {
		session.insert(start(T0, "powershell.exe -NoProfile -enc " + BLOB));
		Event other = NxlogRecords.event("sysmon_1", T0.plusSeconds(5), Map.of("Hostname", "FIN-WS11.corp.example.org",
				"CommandLine", "powershell.exe -enc " + BLOB, "ParentImage", "C:\\Windows\\explorer.exe",
				"ParentCommandLine", "C:\\Windows\\Explorer.EXE"));
		session.insert(other);
		assertThat(raised()).extracting(Alert::getGroupKey)
			.containsExactly("fin-ws07.corp.example.org", "fin-ws11.corp.example.org");
	}

	/** This rule's alerts (other rules may see the same events). */
	List<Alert> raised() {
		return alerts.stream().filter(a -> a.getRuleName().equals(RULE)).toList();
	}

	static Event start(Instant time, String commandLine) {
		return NxlogRecords.event("sysmon_1", time, Map.of("CommandLine", commandLine, "ParentImage",
				"C:\\Windows\\explorer.exe", "ParentCommandLine", "C:\\Windows\\Explorer.EXE"));
	}
}
