package io.iterdef.kb.cli;

import io.iterdef.kb.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KbCliTest {

	record Run(int exit, String out, String err) {
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cli = new CommandLine(new KbCli());
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(err));
		int exit = cli.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	@Test
	void shouldPrintEncodedPowerShellAlertWhenRunOnTheEmpireLauncherDataset() throws Exception {
		Path datasets = TestResources.datasets();
		assumeTrue(datasets != null && Files.isDirectory(datasets.resolve("otrf-empire-launcher-vbs")),
				"../shared/datasets/otrf-empire-launcher-vbs not found: skipping");
		String[] files;
		try (Stream<Path> list = Files.list(datasets.resolve("otrf-empire-launcher-vbs"))) {
			files = Stream.concat(Stream.of("detect"),
					list.filter(f -> f.toString().endsWith(".json")).map(Path::toString)).toArray(String[]::new);
		}
		Run run = run(files);
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("\"name\":\"Encoded PowerShell command line\"")
			.contains("\"attack\":[\"T1059.001\",\"T1027\"]")
			.contains("\"host\":{\"name\":\"workstation5.theshire.local\"}");
		// the VBS launcher is also a script host spawning PowerShell; noise beyond a handful of alerts is a defect
		assertThat(run.out().lines().count()).isBetween(1L, 15L);
		assertThat(run.err()).contains("records: 2067, decoded: 2067, undecodable: 0, alerts: ");
	}

	@Test
	void shouldReportUndecodableLinesAndPrintTableWhenFileHasGarbage() throws Exception {
		Path scenario = TestResources.classpathFolder("scenarios").resolve("encoded-powershell-recon.ndjson");
		Path file = Files.createTempFile("kbcli", ".ndjson");
		try {
			Files.writeString(file, Files.readString(scenario) + "\nnot json at all\n\n{\"EventID\":1}\n");
			Run run = run("detect", "--format", "table", file.toString());
			assertThat(run.exit()).as(run.err()).isZero();
			assertThat(run.err()).contains(":21: undecodable: not a known format")
				.contains(":23: undecodable: JSON object of no known shipper format (top-level fields: EventID)")
				.contains("records: 21, decoded: 19, undecodable: 2, alerts: 3");
			assertThat(run.out()).contains("Encoded PowerShell command line", "Discovery command burst on one host",
					"3 alert(s)");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void shouldDetectFromWindowsXmlWhenTheFileIsAnXmlExport() throws Exception {
		Path xml = TestResources.classpathFolder("raw/windows-xml").resolve("corpus_sysmon_1.xml");
		Path file = Files.createTempFile("kbcli", ".xml");
		try {
			// an <Events> export, as wevtutil or evtxexport write it
			Files.writeString(file, "<Events>\n" + Files.readString(xml) + "\n</Events>\n");
			Run run = run("detect", file.toString());
			assertThat(run.exit()).as(run.err()).isZero();
			assertThat(run.out()).contains("\"name\":\"Encoded PowerShell command line\"");
			assertThat(run.err()).contains("records: 1, decoded: 1, undecodable: 0, alerts: 1");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void shouldPrintTheRulesTaskRequestsOnStderrWhenAnAlertAsksForCollection(@TempDir Path dir) throws Exception {
		Path loop = TestResources.classpathFile("rules",
				"windows/process_access/credential_access_lsass_accessor_confirmed/match/procdump_still_running_hashed.ndjson",
				dir);
		Run run = run("detect", "--progress", "never", loop.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out().lines()).hasSize(2)
			.anySatisfy(l -> assertThat(l).contains("\"name\":\"LSASS memory access by a non-system process\""))
			.anySatisfy(l -> assertThat(l).contains("\"name\":\"LSASS accessor confirmed on the host\""));
		assertThat(run.err().lines().filter(l -> l.startsWith("task request (not sent): {\"requestId\":")))
			.hasSize(2)
			.anySatisfy(l -> assertThat(l).contains("\"type\":\"process.list\"", "\"host\":\"fin-ws07.corp.example.org\""))
			.anySatisfy(l -> assertThat(l).contains("\"type\":\"file.hash\"",
					"\"params\":{\"path\":\"C:\\\\Users\\\\jdoe\\\\Downloads\\\\procdump64.exe\"}"));
		assertThat(run.err()).contains("records: 3, decoded: 3, undecodable: 0, alerts: 2");
	}

	@Test
	void shouldExitWithUsageErrorWhenArgumentsAreWrong() {
		assertThat(run("detect").exit()).isEqualTo(2);
		assertThat(run("detect", "--format", "xml", "x.json").exit()).isEqualTo(2);
		Run missing = run("detect", "/no/such/file.ndjson");
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("cannot read file: /no/such/file.ndjson");
		assertThat(run("detect", "--zone", "Mars/Olympus", "x.json").exit()).isEqualTo(2);
		assertThat(run().exit()).isEqualTo(2);
	}

	@Test
	void shouldReadEveryFileUnderAFolderAndSkipHiddenOnesWhenGivenADirectory(@TempDir Path dir) throws Exception {
		List<String> lines = Files.readAllLines(
				TestResources.classpathFolder("scenarios").resolve("encoded-powershell-recon.ndjson"));
		// the scenario split over a nested folder, as collected logs come (one file per host or day)
		Files.createDirectories(dir.resolve("host-a/2026-11-17"));
		Files.write(dir.resolve("host-a/2026-11-17/part1.json"), lines.subList(0, 10));
		Files.write(dir.resolve("part2.ndjson"), lines.subList(10, lines.size()));
		Files.createDirectories(dir.resolve(".git"));
		Files.writeString(dir.resolve(".git/config"), "not events\n");
		Files.writeString(dir.resolve(".part2.ndjson.swp"), "not events\n");

		Run run = run("detect", "--format", "table", dir.toString());

		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.err()).contains("files: 2, records: 19, decoded: 19, undecodable: 0, alerts: 3");
		assertThat(run.out()).contains("Encoded PowerShell command line", "Discovery command burst on one host");
	}

	@Test
	void shouldRefuseAnEmptyFolderWithAClearMessage(@TempDir Path dir) {
		Run run = run("detect", dir.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("no files under directory: " + dir);
	}

	@Test
	void shouldPrintProgressOnStderrWhenAsked(@TempDir Path dir) throws Exception {
		// copied out: in the reactor build sample-events is a jar
		Path scenario = Files.copy(TestResources.classpathFolder("scenarios").resolve("encoded-powershell-recon.ndjson"),
				dir.resolve("scenario.ndjson"));

		Run always = run("detect", "--progress", "always", scenario.toString());
		Run never = run("detect", "--progress", "never", scenario.toString());

		assertThat(always.exit()).as(always.err()).isZero();
		assertThat(always.err().lines().filter(l -> l.startsWith("reading: ")))
			.hasSizeGreaterThan(1)
			.last().asString().contains(" events").contains("(100%)");
		assertThat(always.err().lines().filter(l -> l.startsWith("rules: ")))
			.hasSize(19)
			.last().asString().startsWith("rules: 19 events of 19 events (100%)");
		assertThat(always.out()).isEqualTo(never.out());
		assertThat(never.err()).doesNotContain("reading: ");
	}
}
