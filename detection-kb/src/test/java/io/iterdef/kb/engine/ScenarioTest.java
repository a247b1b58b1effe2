package io.iterdef.kb.engine;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo scenario of sample-events produces exactly the expected alerts. */
class ScenarioTest {

	@Test
	void shouldRaiseEncodedPowerShellAndReconBurstWhenScenarioIsReplayed() {
		Path scenario = TestResources.classpathFolder("scenarios").resolve("encoded-powershell-recon.ndjson");
		List<Event> events = TestResources.decodeAll(scenario);
		assertThat(events).hasSize(19);
		RuleSet rules = RuleSet.fromClasspath();
		List<Alert> alerts = rules.detect(events);
		assertThat(alerts).extracting(Alert::getRuleName)
			.containsExactly("Script host or Office application spawned a shell", "Encoded PowerShell command line",
					"Discovery command burst on one host");
		assertThat(alerts).extracting(Alert::getHostName).containsOnly("fin-ws07.corp.example.org");
		Alert spawned = alerts.get(0);
		assertThat(spawned.getEvents().get(0).getParentProcessName()).isIn("winword.exe", "wscript.exe");
		Alert encoded = alerts.get(1);
		assertThat(encoded.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T09:15:11Z"));
		assertThat(encoded.getEvents().get(0).getCommandLine()).startsWith("powershell -nop -w hidden -enc ");
		Alert burst = alerts.get(2);
		assertThat(burst.getTimestamp()).isEqualTo(Instant.parse("2026-11-17T09:16:31Z"));
		assertThat(burst.getEvents()).extracting(Event::getProcessName)
			.contains("whoami.exe", "net.exe", "net1.exe", "ipconfig.exe", "systeminfo.exe");
	}
}
