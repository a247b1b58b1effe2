package io.iterdef.kb.cli;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.engine.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SigmaConvertCommandTest {

	@Test
	void shouldPrintDrlOnStdoutAndTheSummaryOnStderr() {
		Path rule = TestResources.classpathFolder("sigma").resolve("proc_access_win_lsass_access.yml");
		KbCliTest.Run run = KbCliTest.run("sigma", "convert", rule.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("// ---- rules/sigma/process_access/lsass_opened_for_reading_memory_sigma.drl")
			.contains("package rules.sigma.process_access;", "rule \"LSASS opened for reading memory (Sigma)\"");
		assertThat(run.err()).isEqualTo("converted 1, refused 0\n");
	}

	@Test
	void shouldWriteOneFilePerRuleUnderOutThatCompiles(@TempDir Path out) {
		KbCliTest.Run run = KbCliTest.run("sigma", "convert", TestResources.classpathFolder("sigma").toString(), "--out",
				out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).isEmpty();
		assertThat(out.resolve("security").resolve("password_spray_from_one_source_sigma_value_count.drl")).exists();
		assertThat(out.resolve("process_creation").resolve("encoded_powershell_command_line_sigma.drl")).exists();
		assertThat(run.err()).contains("wrote " + out.resolve("registry_event")).endsWith("converted 14, refused 0\n");
		assertThat(RuleSet.fromDirectory(out).rules()).hasSize(14);
	}

	@Test
	void shouldExitOneWhenNothingConvertsAndListTheReasons() {
		KbCliTest.Run run = KbCliTest.run("sigma", "convert", TestResources.classpathFolder("sigma-refused").toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("refused refused.yml: Near: unsupported condition: 'near' in condition")
			.contains("converted 0, refused 13 (unsupported modifier: 3, ");
	}

	@Test
	void shouldExitTwoOnUsageErrors(@TempDir Path dir) throws Exception {
		assertThat(KbCliTest.run("sigma", "convert").exit()).isEqualTo(2);
		assertThat(KbCliTest.run("sigma").exit()).isEqualTo(2);
		KbCliTest.Run missing = KbCliTest.run("sigma", "convert", dir.resolve("nope.yml").toString());
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("no such file or folder");
		Path file = Files.writeString(dir.resolve("f"), "x");
		Path rule = TestResources.classpathFolder("sigma").resolve("win_security_log_cleared.yml");
		assertThat(KbCliTest.run("sigma", "convert", rule.toString(), "--out", file.toString()).exit()).isEqualTo(2);
	}
}
