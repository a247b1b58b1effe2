package io.iterdef.kb.engine;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The DRL templates of the README's "Rule kinds" compile cleanly, and the rule files it names exist. */
class ReadmeRuleKindsTest {

	static final Path README = Path.of("../README.md");

	static final String HEADER = "package rules.windows.templates;\n\nimport io.iterdef.kb.event.Event;\n"
			+ "import java.util.List;\n\nglobal io.iterdef.kb.engine.Alerts alerts;\n\n";

	@Test
	void shouldCompileEveryTemplateWithoutWarnings() throws IOException {
		String section = section();
		List<String> templates = new ArrayList<>();
		Matcher m = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL).matcher(section);
		while (m.find()) {
			templates.add(m.group(1));
		}
		String drl = HEADER + String.join("\n", templates);
		assertThat(Pattern.compile("(?m)^rule \"Template: ").matcher(drl).results().count()).isEqualTo(7);
		RuleSet compiled = RuleSet.compile(Map.of("rules/windows/templates/templates.drl", drl));
		assertThat(compiled.warnings()).isEmpty();
		assertThat(compiled.rules()).extracting(RuleInfo::name).containsExactlyInAnyOrder("Template: single event",
				"Template: threshold", "Template: sequence", "Template: absence", "Template: new term",
				"Template: cardinality", "Template: spike");
	}

	@Test
	void shouldNameExistingRuleFilesAndTests() throws IOException {
		String section = section();
		Matcher rule = Pattern.compile("`([a-z_]+/[a-z0-9_]+)`").matcher(section);
		int rules = 0;
		while (rule.find()) {
			assertThat(Path.of("src/main/resources/rules/windows/" + rule.group(1) + ".drl")).as(rule.group(1)).exists();
			rules++;
		}
		assertThat(rules).isGreaterThanOrEqualTo(7);
		Matcher test = Pattern.compile("`([A-Z][A-Za-z]+Test)`").matcher(section);
		int tests = 0;
		while (test.find()) {
			assertThat(Path.of("src/test/java/io/iterdef/kb/engine/" + test.group(1) + ".java")).as(test.group(1)).exists();
			tests++;
		}
		assertThat(tests).isGreaterThanOrEqualTo(7);
	}

	private static String section() throws IOException {
		Assumptions.assumeTrue(Files.isRegularFile(README), "no README.md above detection-kb: skipped");
		String text = Files.readString(README);
		int start = text.indexOf("### Rule kinds");
		assertThat(start).as("README section 'Rule kinds'").isNotNegative();
		int end = text.indexOf("\n## ", start);
		return end < 0 ? text.substring(start) : text.substring(start, end);
	}
}
