package io.iterdef.kb.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benign baseline (sample-events baseline/: an ordinary day of two workstations, a file server and a domain
 * controller) through every rule: each alert must be a known false positive listed in known-fps.csv with a reason,
 * and each listed one must still happen (a stale entry would hide a new false positive on the same host).
 */
class BenignBaselineTest {

	record KnownFp(@JsonProperty("rule_id") String ruleId, @JsonProperty("rule_name") String ruleName,
			@JsonProperty("host") String host, @JsonProperty("reason") String reason) {

		String key() {
			return ruleId + " on " + host;
		}
	}

	static List<Event> events;

	static List<Alert> alerts;

	static Map<String, KnownFp> known;

	@BeforeAll
	static void runBaseline() throws IOException {
		Path baseline = TestResources.classpathFolder("baseline");
		events = new ArrayList<>();
		try (Stream<Path> files = Files.list(baseline)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
				events.addAll(TestResources.decodeAll(f));
			}
		}
		alerts = RuleSet.fromClasspath().detect(events);
		known = readKnownFps(baseline.resolveSibling("known-fps.csv"));
	}

	@Test
	void shouldBeAWholeDayOfSeveralHostsAndSources() {
		assertThat(events).hasSizeGreaterThan(1000);
		assertThat(events.stream().map(Event::getHostName).distinct()).hasSizeGreaterThanOrEqualTo(4);
		assertThat(events.stream().map(Event::getChannel).collect(Collectors.toSet())).contains("Security",
				"Microsoft-Windows-Sysmon/Operational", "System", "Microsoft-Windows-PowerShell/Operational",
				"Microsoft-Windows-TaskScheduler/Operational");
	}

	@Test
	void shouldRaiseOnlyListedFalsePositives() {
		List<String> unlisted = alerts.stream()
			.filter(a -> !known.containsKey(a.getRuleId() + " on " + a.getHostName()))
			.map(a -> a.getRuleName() + " (" + a.getRuleId() + ") on " + a.getHostName() + " at " + a.getTimestamp()
					+ ", events " + a.getEventIds())
			.toList();
		assertThat(unlisted).as("alerts on the benign baseline that known-fps.csv does not list: fix the rule, or "
				+ "list the alert with the reason it is benign").isEmpty();
	}

	@Test
	void shouldListOnlyFalsePositivesThatStillHappen() {
		Set<String> raised = alerts.stream().map(a -> a.getRuleId() + " on " + a.getHostName())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(known.keySet()).as("known-fps.csv entries no longer raised by the baseline: remove them")
			.allSatisfy(k -> assertThat(raised).contains(k));
	}

	@Test
	void shouldGiveAReasonAndAnExistingRuleForEveryListedFalsePositive() {
		Map<String, String> names = RuleSet.fromClasspath().rules().stream()
			.collect(Collectors.toMap(RuleInfo::id, RuleInfo::name));
		assertThat(known.values()).allSatisfy(fp -> {
			assertThat(fp.reason()).as(fp.key()).hasSizeGreaterThan(20);
			assertThat(names).as(fp.key()).containsEntry(fp.ruleId(), fp.ruleName());
		});
	}

	/** rule_id,rule_name,host,reason with a header line and RFC 4180 quoting (reasons hold commas and quotes). */
	static Map<String, KnownFp> readKnownFps(Path csv) throws IOException {
		CsvMapper mapper = new CsvMapper();
		CsvSchema schema = CsvSchema.emptySchema().withHeader();
		Map<String, KnownFp> byKey = new LinkedHashMap<>();
		// a Reader, not a File: in the reactor build sample-events is a jar and the path is inside it
		try (java.io.Reader in = Files.newBufferedReader(csv);
				MappingIterator<KnownFp> rows = mapper.readerFor(KnownFp.class).with(schema).readValues(in)) {
			for (KnownFp fp : rows.readAll()) {
				assertThat(byKey.put(fp.key(), fp)).as("duplicate entry " + fp.key()).isNull();
			}
		}
		return byKey;
	}
}
