package io.iterdef.kb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code iterdef detect} over each real attack recording of ../shared/datasets (outside parties' data, in the formats
 * real shippers emit; never copied into the project): at least one alert names the recording's technique (or its
 * parent technique), and no more than 15 alerts in all, since noise is a defect. Skipped when the datasets are absent.
 */
class DatasetsDetectTest {

	static final int MAX_ALERTS = 15;

	static Stream<Arguments> recordings() throws IOException {
		Path datasets = TestResources.datasets();
		Assumptions.assumeTrue(datasets != null, "../shared/datasets not found: skipping");
		JsonNode manifest = Json.MAPPER.readTree(datasets.resolve("manifest.json").toFile());
		List<Arguments> recordings = new ArrayList<>();
		for (JsonNode entry : manifest) {
			List<String> techniques = new ArrayList<>();
			entry.path("techniques").forEach(t -> techniques.add(t.asText()));
			recordings.add(Arguments.of(entry.path("folder").asText(), techniques, datasets));
		}
		assertThat(recordings).isNotEmpty();
		return recordings.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recordings")
	void shouldRaiseItsTechniqueWithoutNoise(String folder, List<String> techniques, Path datasets) throws IOException {
		List<String> args = new ArrayList<>(List.of("detect", "--progress", "never"));
		// the text renderings (the .evtx binaries beside them are what they were rendered from)
		try (Stream<Path> files = Files.list(datasets.resolve(folder))) {
			files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml"))
				.sorted()
				.forEach(f -> args.add(f.toString()));
		}
		KbCliTest.Run run = KbCliTest.run(args.toArray(String[]::new));
		assertThat(run.exit()).as(run.err()).isZero();

		List<JsonNode> alerts = run.out().lines().map(DatasetsDetectTest::parse).toList();
		List<String> named = alerts.stream()
			.map(a -> a.path("rule").path("name").asText() + " " + a.path("rule").path("attack"))
			.toList();
		assertThat(alerts).as("alerts on %s: %s", folder, named).hasSizeBetween(1, MAX_ALERTS);
		assertThat(alerts).as("an alert naming %s (or its parent) among %s", techniques, named)
			.anySatisfy(a -> assertThat(a.path("rule").path("attack")).anySatisfy(id -> assertThat(
					techniques.stream().anyMatch(t -> t.equals(id.asText()) || parent(t).equals(id.asText())))
				.isTrue()));
	}

	private static String parent(String technique) {
		int dot = technique.indexOf('.');
		return dot < 0 ? technique : technique.substring(0, dot);
	}

	private static JsonNode parse(String line) {
		try {
			return Json.MAPPER.readTree(line);
		}
		catch (IOException e) {
			throw new AssertionError("not a JSON alert line: " + line, e);
		}
	}
}
