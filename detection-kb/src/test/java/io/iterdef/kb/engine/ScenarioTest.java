package io.iterdef.kb.engine;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import io.iterdef.kb.decode.Decoders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * Ten copies of the scenario on hosts of their own, each 5 minutes after the one before, in one session (as the
	 * live detect task sees many hosts): every host gets exactly the alerts its copy raises alone. Before, the burst
	 * rule's match fired again once the session clock had moved past its suppression window (its accumulate changed
	 * as events left it) and raised a second burst alert for 4 of the 10 hosts.
	 */
	@Test
	void shouldRaiseForEachHostOfASharedSessionWhatItsCopyRaisesAlone() throws Exception {
		List<String> template = Files.readAllLines(
				TestResources.classpathFolder("scenarios").resolve("encoded-powershell-recon.ndjson"));
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
		RuleSet rules = RuleSet.fromClasspath();
		List<Event> together = new ArrayList<>();
		Set<String> alone = new TreeSet<>();
		for (int copy = 0; copy < 10; copy++) {
			List<Event> events = new ArrayList<>();
			for (String line : template) {
				String shifted = shiftMinutes(line.replace("FIN-WS07.corp.example.org", "c" + copy + ".corp.example.org"),
						5L * copy);
				events.addAll(decoders.decode(shifted.getBytes(StandardCharsets.UTF_8), null));
			}
			rules.detect(events).forEach(a -> alone.add(a.getHostName() + " " + a.getRuleName() + " " + a.getId()));
			together.addAll(events);
		}
		together.sort(Comparator.comparing(Event::getTimestamp));

		Set<String> shared = new TreeSet<>();
		rules.detect(together).forEach(a -> shared.add(a.getHostName() + " " + a.getRuleName() + " " + a.getId()));

		assertThat(alone).hasSize(30);
		assertThat(shared).containsExactlyElementsOf(alone);
	}

	private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})");

	private static String shiftMinutes(String line, long minutes) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		Matcher m = TIME.matcher(line);
		StringBuilder shifted = new StringBuilder();
		while (m.find()) {
			LocalDateTime t = LocalDateTime.parse(m.group(1) + " " + m.group(2), format).plusMinutes(minutes);
			m.appendReplacement(shifted, t.format(format));
		}
		m.appendTail(shifted);
		return shifted.toString();
	}
}
