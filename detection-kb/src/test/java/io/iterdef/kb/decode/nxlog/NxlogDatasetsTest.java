package io.iterdef.kb.decode.nxlog;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real third-party NXLog recordings from ../shared/datasets (skipped when that folder is absent): every line decodes and
 * every process creation (Sysmon 1, Security 4688) has its process.executable. (System 7036 service state changes are
 * process start/end too, without an executable.)
 */
class NxlogDatasetsTest {

	@Test
	void shouldDecodeEveryLineWhenDatasetIsNxlog() throws IOException {
		Path datasets = TestResources.datasets();
		assumeTrue(datasets != null, "../shared/datasets not found: skipping the third-party dataset check");
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(datasets)) {
			walk.filter(f -> f.getFileName().toString().endsWith(".json"))
				.filter(f -> f.toString().contains("otrf-") && !f.toString().contains("winlogbeat"))
				.forEach(files::add);
		}
		assumeTrue(!files.isEmpty(), "no NXLog datasets found under " + datasets);
		int decoded = 0;
		int processStarts = 0;
		List<String> failures = new ArrayList<>();
		for (Path f : files) {
			int lineNo = 0;
			for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				try {
					Event e = decoders.decode(line.getBytes(StandardCharsets.UTF_8), null).get(0);
					decoded++;
					boolean creation = "4688".equals(e.getCode())
							|| "1".equals(e.getCode()) && "Microsoft-Windows-Sysmon/Operational".equals(e.getChannel());
					if (creation && e.isProcessStart()) {
						processStarts++;
						assertThat(e.getProcessExecutable()).as(f + ":" + lineNo).isNotBlank();
					}
				}
				catch (DecodeException e) {
					failures.add(f.getFileName() + ":" + lineNo + ": " + e.getMessage());
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(decoded).isGreaterThan(2000);
		assertThat(processStarts).isPositive();
	}
}
