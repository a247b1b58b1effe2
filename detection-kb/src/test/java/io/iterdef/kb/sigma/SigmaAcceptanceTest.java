package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iterdef.kb.TestResources;
import io.iterdef.kb.engine.RuleInfo;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sigma rules of src/test/resources/sigma/ (written for the project's own fixtures) converted, compiled as one
 * rule set and run: each converted rule fires on its match fixtures and not on its nomatch fixtures. A rule lists its
 * cases in the custom attribute {@code fixtures} (paths under sample-events' rules/windows/, or sigma/... here).
 */
class SigmaAcceptanceTest {

	static SigmaConverter.Result result;

	static RuleSet ruleSet;

	@BeforeAll
	static void convertAndCompile() throws IOException {
		result = SigmaConverter.convert(List.of(TestResources.classpathFolder("sigma")));
		Map<String, String> drl = new LinkedHashMap<>();
		result.converted().forEach(c -> drl.put(c.drlPath(), c.drl()));
		ruleSet = RuleSet.compile(drl);
	}

	@Test
	void shouldConvertEveryRuleWithoutRefusalOrCompilerWarning() {
		assertThat(result.refused()).isEmpty();
		assertThat(result.warnings()).isEmpty();
		assertThat(ruleSet.warnings()).isEmpty();
		// 10 detection rules + 4 correlations; the 5 base rules are folded into their correlations (generate: false)
		assertThat(result.converted()).hasSize(14);
	}

	@Test
	void shouldCarryTheSigmaMetadataAsAnnotations() {
		RuleInfo lsass = ruleSet.rules().stream().filter(r -> r.id().equals("bf08cdca-d575-49b8-a1ca-69e70a4dba13"))
			.findFirst().orElseThrow();
		assertThat(lsass.packageName()).isEqualTo("rules.sigma.process_access");
		assertThat(lsass.name()).isEqualTo("LSASS opened for reading memory (Sigma)");
		assertThat(lsass.severity()).isEqualTo("high");
		assertThat(lsass.tactic()).isEqualTo("credential_access");
		assertThat(lsass.attack()).containsExactly("T1003.001");
		assertThat(lsass.falsePositives()).isEqualTo("Antivirus and EDR agents");
		RuleInfo spray = ruleSet.rules().stream().filter(r -> r.id().equals("dda20b55-33cc-41b9-934a-85c92ef01e2a"))
			.findFirst().orElseThrow();
		assertThat(spray.window()).hasMinutes(2);
		assertThat(spray.packageName()).isEqualTo("rules.sigma.security");
	}

	record Case(String name, String ruleId, String fixture, boolean match) {
		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> out = new ArrayList<>();
		for (Document d : documents()) {
			JsonNode fixtures = d.doc().get("fixtures");
			if (fixtures == null) {
				continue;
			}
			for (String kind : List.of("match", "nomatch")) {
				for (JsonNode f : fixtures.path(kind)) {
					String name = d.doc().get("title").asText() + " " + kind + " " + f.asText();
					out.add(Arguments.of(name, new Case(name, d.doc().get("id").asText(), f.asText(), kind.equals("match"))));
				}
			}
		}
		assertThat(out).hasSizeGreaterThan(40);
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldFireOnMatchFixturesOnlyAndNotOnNomatch(String name, Case c) {
		List<Event> events = TestResources.decodeAll(fixture(c.fixture()));
		List<Alert> alerts = ruleSet.detect(events);
		boolean fired = alerts.stream().anyMatch(a -> a.getRuleId().equals(c.ruleId()));
		assertThat(fired).as(name + ": alerts " + alerts.stream().map(Alert::getRuleName).toList()).isEqualTo(c.match());
	}

	@Test
	void shouldExerciseEveryModifierConditionFormAndCorrelationTypeEndToEnd() throws IOException {
		Set<String> modifiers = new TreeSet<>();
		Set<String> forms = new TreeSet<>();
		Set<String> correlations = new TreeSet<>();
		Map<String, JsonNode> byRef = new LinkedHashMap<>();
		List<Document> docs = documents();
		docs.forEach(d -> {
			byRef.put(d.doc().path("id").asText(), d.doc());
			if (d.doc().has("name")) {
				byRef.put(d.doc().get("name").asText(), d.doc());
			}
		});
		for (Document d : docs) {
			JsonNode fixtures = d.doc().get("fixtures");
			// only rules with both kinds of cases count: a modifier must be seen firing and not firing
			if (fixtures == null || fixtures.path("match").isEmpty() || fixtures.path("nomatch").isEmpty()) {
				continue;
			}
			JsonNode correlation = d.doc().get("correlation");
			List<JsonNode> detections = new ArrayList<>();
			if (correlation != null) {
				correlations.add(correlation.get("type").asText());
				correlation.get("rules").forEach(r -> detections.add(byRef.get(r.asText()).get("detection")));
			}
			else {
				detections.add(d.doc().get("detection"));
			}
			for (JsonNode detection : detections) {
				detection.fields().forEachRemaining(e -> {
					if (e.getKey().equals("condition")) {
						String cond = e.getValue().asText();
						for (String form : List.of(" and ", " or ", "not ", "1 of ", "all of ", "(")) {
							if (cond.contains(form)) {
								forms.add(form.strip());
							}
						}
						if (cond.contains(" of them")) {
							forms.add(cond.contains("1 of them") ? "1 of them" : "all of them");
						}
						return;
					}
					List<JsonNode> maps = new ArrayList<>();
					if (e.getValue().isArray()) {
						e.getValue().forEach(maps::add);
					}
					else {
						maps.add(e.getValue());
					}
					maps.forEach(m -> m.fieldNames().forEachRemaining(f -> {
						String[] parts = f.split("\\|");
						for (int i = 1; i < parts.length; i++) {
							modifiers.add(parts[i]);
						}
					}));
				});
			}
		}
		assertThat(modifiers).contains("contains", "startswith", "endswith", "re", "all", "base64offset", "cidr",
				"windash", "exists");
		assertThat(forms).contains("and", "or", "not", "1 of", "all of", "(", "1 of them", "all of them");
		assertThat(correlations).containsExactlyInAnyOrder("event_count", "value_count", "temporal", "temporal_ordered");
	}

	record Document(Path file, JsonNode doc) {
	}

	static List<Document> documents() throws IOException {
		List<Document> out = new ArrayList<>();
		Path dir = TestResources.classpathFolder("sigma");
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
				try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(f.toFile())) {
					while (it.hasNextValue()) {
						out.add(new Document(f, it.nextValue()));
					}
				}
			}
		}
		return out;
	}

	/** sigma/... in this module's test resources, anything else under sample-events' rules/windows/. */
	static Path fixture(String path) {
		if (path.startsWith("sigma/")) {
			return TestResources.classpathFolder("sigma").resolve(path.substring("sigma/".length()));
		}
		for (Path rules : TestResources.classpathFolders("rules")) {
			Path p = rules.resolve("windows").resolve(path);
			if (Files.exists(p)) {
				return p;
			}
		}
		throw new IllegalArgumentException("no fixture " + path);
	}
}
