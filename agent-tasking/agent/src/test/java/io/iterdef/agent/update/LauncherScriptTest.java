package io.iterdef.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** iterdef-agent.sh restarts the agent on exit code 75 (moving a waiting .new jar into place) and on nothing else. */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class LauncherScriptTest {

	@TempDir
	Path dir;

	@Test
	void shouldRestartOnExitCode75AndStopOnAnyOtherCode() throws Exception {
		Path script = Files.copy(Path.of("src/main/dist/iterdef-agent.sh"), dir.resolve("iterdef-agent.sh"));
		Files.writeString(dir.resolve("iterdef-agent.jar"), "old");
		Files.writeString(dir.resolve("iterdef-agent.jar.new"), "new");
		// a stand-in for java: records the jar it was given and its arguments; 75 the first time, then 3
		Path java = Files.writeString(dir.resolve("java"), String.join("\n", "#!/bin/sh",
				"jar=\"$2\"; shift 2", "echo \"$(cat \"$jar\") $*\" >> \"" + dir.resolve("runs") + "\"",
				"[ $(wc -l < \"" + dir.resolve("runs") + "\") -eq 1 ] && exit 75", "exit 3", ""));
		java.toFile().setExecutable(true);

		ProcessBuilder launcher = new ProcessBuilder("sh", script.toString(), "agent.properties");
		launcher.environment().put("JAVA", java.toString());
		Process process = launcher.redirectErrorStream(true).start();

		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(3);
		assertThat(Files.readAllLines(dir.resolve("runs"))).containsExactly("old agent.properties",
				"new agent.properties");
		assertThat(dir.resolve("iterdef-agent.jar.new")).doesNotExist();
	}

}
