package io.iterdef.kb.sigma;

import io.iterdef.kb.engine.RuleInfo;
import io.iterdef.kb.engine.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the converter writes and decides, on small Sigma texts. */
class SigmaConverterTest {

	static final String BASE = """
			title: Failed logon
			name: failed
			id: 11111111-1111-4111-8111-111111111111
			level: informational
			logsource: {product: windows, service: security}
			detection:
			    selection:
			        EventID: 4625
			    condition: selection
			""";

	static String correlation(String generate) {
		return BASE + """
				---
				title: Many failed logons
				id: 22222222-2222-4222-8222-222222222222
				level: critical
				tags: [attack.t1110.001]
				correlation:
				    type: event_count
				    rules: [failed]
				    group-by: [TargetUserName]
				    timespan: 5m
				    condition: {gte: 3}
				""" + generate;
	}

	@Test
	void shouldFoldTheBaseRuleIntoTheCorrelationUnlessItSaysGenerate() throws IOException {
		SigmaConverter.Result folded = SigmaConverter.convertText("c.yml", correlation(""));
		assertThat(folded.converted()).extracting(SigmaConverter.Converted::title).containsExactly("Many failed logons");
		SigmaConverter.Result both = SigmaConverter.convertText("c.yml", correlation("    generate: true\n"));
		assertThat(both.converted()).extracting(SigmaConverter.Converted::title)
			.containsExactlyInAnyOrder("Failed logon", "Many failed logons");
	}

	@Test
	void shouldMapLevelTagsAndWindowToAnnotations() throws IOException {
		SigmaConverter.Converted c = SigmaConverter.convertText("c.yml", correlation("")).converted().get(0);
		assertThat(c.folder()).isEqualTo("security");
		assertThat(c.fileName()).isEqualTo("many_failed_logons.drl");
		assertThat(c.drl()).startsWith("package rules.sigma.security;")
			.contains("global io.iterdef.kb.engine.Alerts alerts;")
			.contains("@id(\"22222222-2222-4222-8222-222222222222\")", "@severity(\"critical\")",
					"@tactic(\"credential_access\")", "@attack(\"T1110.001\")", "@suppress(\"10m\")", "@window(\"5m\")")
			.contains("SigmaMatch.key(e, \"winlog.event_data.TargetUserName\")")
			.contains("this before[0s, 5m] $last");
		SigmaConverter.Converted base = SigmaConverter.convertText("c.yml", correlation("    generate: true\n")).converted()
			.stream().filter(x -> x.title().equals("Failed logon")).findFirst().orElseThrow();
		// informational maps to low; no tags: no @tactic and no @attack, with a warning
		assertThat(base.drl()).contains("@severity(\"low\")").doesNotContain("@tactic").doesNotContain("@attack");
	}

	@Test
	void shouldWarnWhenTheRuleHasNoTacticOrAnUnknownTechnique() throws IOException {
		SigmaConverter.Result r = SigmaConverter.convertText("w.yml", BASE.replace("level: informational",
				"level: high\ntags: [attack.t9999]"));
		assertThat(r.warnings()).containsExactly(
				"w.yml: Failed logon: T9999 is not in the vendored ATT&CK subset (attack/techniques.tsv)",
				"w.yml: Failed logon: no ATT&CK tactic in the tags, @tactic left out");
	}

	@Test
	void shouldKeepRuleNamesAndFileNamesUniqueWithinAPackage() throws IOException {
		String twice = BASE + "---\n" + BASE.replace("11111111-1111-4111-8111-111111111111",
				"33333333-3333-4333-8333-333333333333");
		SigmaConverter.Result r = SigmaConverter.convertText("t.yml", twice);
		assertThat(r.converted()).extracting(SigmaConverter.Converted::fileName)
			.containsExactly("failed_logon.drl", "failed_logon_2.drl");
		assertThat(r.converted().get(1).drl()).contains("rule \"Failed logon (33333333-3333-4333-8333-333333333333)\"");
	}

	@Test
	void shouldEscapeQuotesAndBackslashesOfTitleAndDescriptionInTheDrl() {
		String yaml = BASE.replace("title: Failed logon", "title: 'Logon \"failed\" on C:\\x'")
			.replace("level: informational", "level: low\ndescription: 'Said \"no\" to C:\\Users\\x'");
		SigmaConverter.Result r = SigmaConverter.convertText("q.yml", yaml);
		Map<String, String> drl = new LinkedHashMap<>();
		r.converted().forEach(c -> drl.put(c.drlPath(), c.drl()));
		RuleInfo info = RuleSet.compile(drl).rules().get(0);
		// Drools unescapes the rule name; annotation values reach RuleInfo as written in the DRL (escaped, as the
		// library's own descriptions with backslashes are)
		assertThat(info.name()).isEqualTo("Logon \"failed\" on C:\\x");
		assertThat(r.converted().get(0).drl()).contains("@description(\"Said \\\"no\\\" to C:\\\\Users\\\\x\")");
	}

	@Test
	void shouldReportABrokenYamlFileAsRefused() throws IOException {
		SigmaConverter.Result r = SigmaConverter.convertText("bad.yml", "title: [unclosed\n");
		assertThat(r.converted()).isEmpty();
		assertThat(r.refused()).singleElement().satisfies(x -> {
			assertThat(x.category()).isEqualTo("invalid YAML");
			assertThat(x.line()).startsWith("bad.yml: (file): invalid YAML: ");
		});
	}
}
