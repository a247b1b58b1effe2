package io.iterdef.kb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.iterdef.kb.cli.KbCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

	static final String FOLDER = "windows/process_creation";

	static final String RULE = "execution_encoded_powershell";

	/** A working copy holding only the encoded-PowerShell rule. */
	static Path copyRule(Path dir) throws IOException {
		Path target = dir.resolve(FOLDER).resolve(RULE + ".drl");
		Files.createDirectories(target.getParent());
		Files.copy(Path.of("src/main/resources/rules", FOLDER, RULE + ".drl"), target);
		return dir;
	}

	/** The rule's fixtures from sample-events, copied under dir. */
	static Path copyFixtures(Path dir) throws IOException {
		Path source = TestResources.classpathFolders("rules").stream().map(r -> r.resolve(FOLDER).resolve(RULE))
			.filter(Files::isDirectory).findFirst().orElseThrow();
		Path target = dir.resolve(FOLDER).resolve(RULE);
		try (Stream<Path> files = Files.walk(source)) {
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				Path to = target.resolve(source.relativize(f).toString());
				Files.createDirectories(to.getParent());
				Files.copy(f, to);
			}
		}
		return dir;
	}

	@Test
	void shouldListEveryBuiltInRuleWithMetadataAndFileWhenNoDirIsGiven() {
		KbCliTest.Run run = run("rules", "list");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("ID").contains("NAME", "SEVERITY", "TACTIC", "ATTACK", "FILE")
			.containsPattern("d65a8d43-08ab-4221-8c50-300e274d01dc +Encoded PowerShell command line +high +execution "
					+ "+T1059.001,T1027 +rules/windows/process_creation/execution_encoded_powershell.drl")
			.contains("Discovery command burst on one host");
	}

	@Test
	void shouldListOnlyTheWorkingCopyWhenRulesDirIsGiven(@TempDir Path dir) throws IOException {
		KbCliTest.Run run = run("rules", "list", "--rules", copyRule(dir).toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("Encoded PowerShell command line", FOLDER + "/" + RULE + ".drl", "1 rule(s)")
			.doesNotContain("Discovery command burst");
	}

	@Test
	void shouldPassEveryBuiltInFixtureWhenRulesTestRunsOnTheClasspath() {
		KbCliTest.Run run = run("rules", "test");
		assertThat(run.exit()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).startsWith("RESULT").containsPattern("pass +" + FOLDER + "/" + RULE + "/match/sysmon1_nop_hidden_enc.json")
			.doesNotContain("FAIL", "MISSING").containsPattern("\\d+ case\\(s\\): \\d+ passed, 0 failed");
	}

	@Test
	void shouldFailWithExitOneWhenACaseFailsOrAFixtureFolderIsMissing(@TempDir Path dir) throws IOException {
		Path rules = copyRule(dir.resolve("rules"));
		Path fixtures = copyFixtures(dir.resolve("fixtures"));
		KbCliTest.Run ok = run("rules", "test", rules.toString(), "--fixtures", fixtures.toString());
		assertThat(ok.exit()).as(ok.out()).isZero();
		assertThat(ok.out()).contains("7 case(s): 7 passed, 0 failed");

		Path cases = fixtures.resolve(FOLDER).resolve(RULE);
		Files.copy(cases.resolve("match/sysmon1_nop_hidden_enc.json"), cases.resolve("nomatch/wrongly_here.json"));
		Files.copy(Path.of("src/main/resources/rules", FOLDER, "discovery_recon_command_burst.drl"),
				rules.resolve(FOLDER).resolve("discovery_recon_command_burst.drl"));
		KbCliTest.Run failed = run("rules", "test", rules.toString(), "--fixtures", fixtures.toString());
		assertThat(failed.exit()).isEqualTo(1);
		assertThat(failed.out())
			.containsPattern("FAIL +" + FOLDER + "/" + RULE + "/nomatch/wrongly_here.json +expected no alert, got 1 \\(" + RULE + "\\)")
			.containsPattern("MISSING +discovery_recon_command_burst/match/ +no fixture case")
			.contains("8 case(s): 7 passed, 1 failed; 2 fixture folder(s) missing");
	}

	@Test
	void shouldFailWhenNoFixtureIsFoundOrTheRulesDoNotCompile(@TempDir Path dir) throws IOException {
		Path rules = copyRule(dir.resolve("rules"));
		Files.createDirectories(dir.resolve("empty"));
		KbCliTest.Run none = run("rules", "test", rules.toString(), "--fixtures", dir.resolve("empty").toString());
		assertThat(none.exit()).isEqualTo(1);
		assertThat(none.err()).contains("no fixture cases found");

		Files.writeString(rules.resolve(FOLDER).resolve("execution_broken.drl"), "package rules.windows.process_creation;\nrule \"x\" when then nonsense( end\n");
		KbCliTest.Run broken = run("rules", "list", "--rules", rules.toString());
		assertThat(broken.exit()).isEqualTo(1);
		assertThat(broken.err()).contains("rules do not compile", "execution_broken.drl");
		assertThat(run("rules", "list", "--rules", dir.resolve("nope").toString()).exit()).isEqualTo(2);
		assertThat(run("rules").exit()).isEqualTo(2);
	}

	@Test
	void shouldPrintMatrixAndWriteNavigatorLayerWhenCoverageIsAsked(@TempDir Path dir) throws IOException {
		Path layerFile = dir.resolve("layer.json");
		KbCliTest.Run run = run("rules", "coverage", "--navigator", layerFile.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		// other rules may add rows: only this rule's own techniques are certain
		assertThat(run.out()).startsWith("TACTIC").containsPattern("(?m)^execution +T\\d{4}")
			.containsPattern("(?m)^ *(execution +)?T1059.001 +PowerShell +\\d+$")
			.containsPattern("(?m)^ *(defense_evasion +)?T1027 +Obfuscated Files or Information +\\d+$")
			.containsPattern("\\d+ of \\d+ catalog techniques covered; tactics without a rule: ");
		JsonNode layer = Json.MAPPER.readTree(layerFile.toFile());
		assertThat(layer.get("versions").get("layer").asText()).isEqualTo("4.5");
		assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
		JsonNode powershell = null;
		JsonNode parent = null;
		for (JsonNode t : layer.get("techniques")) {
			if (t.get("techniqueID").asText().equals("T1059.001")) {
				powershell = t;
			}
			if (t.get("techniqueID").asText().equals("T1059")) {
				parent = t;
			}
		}
		assertThat(powershell).isNotNull();
		assertThat(powershell.get("score").asInt()).isPositive();
		assertThat(powershell.get("comment").asText()).contains("Encoded PowerShell command line");
		assertThat(parent).isNotNull();
		assertThat(parent.get("showSubtechniques").asBoolean()).isTrue();
	}

	@Test
	void shouldRunOnlyTheWorkingCopyWhenDetectIsGivenRulesDir(@TempDir Path dir) throws IOException {
		Path scenario = dir.resolve("scenario.ndjson");
		Files.copy(TestResources.classpathFolder("scenarios").resolve("encoded-powershell-recon.ndjson"), scenario);
		KbCliTest.Run run = run("detect", "--format", "table", "--rules", copyRule(dir.resolve("rules")).toString(),
				scenario.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("Encoded PowerShell command line", "1 alert(s)")
			.doesNotContain("Discovery command burst");
	}
}
