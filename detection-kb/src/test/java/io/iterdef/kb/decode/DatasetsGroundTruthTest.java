package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Third-party recordings in ../shared/datasets (skipped with a printed reason when absent): every record of every
 * dataset in manifest.json decodes with no refusal (JSON lines; one {@code <Events>} document per .xml file), the
 * event count is the manifest's, and each ground-truth entry (channel, event ids, conditions on
 * winlog.event_data fields) matches exactly its count of decoded events, each with host.name and event.id.
 */
class DatasetsGroundTruthTest {

	final Decoders decoders = Decoders.defaults(ZoneOffset.UTC);

	@TestFactory
	Stream<DynamicTest> shouldDecodeEveryRecordAndFindTheGroundTruthWhenDatasetIsPresent() throws IOException {
		Path datasets = TestResources.datasets();
		if (datasets == null || !Files.isRegularFile(datasets.resolve("manifest.json"))) {
			System.out.println("DatasetsGroundTruthTest: ../shared/datasets/manifest.json not found: skipped");
			assumeTrue(false, "../shared/datasets/manifest.json not found");
		}
		JsonNode manifest = Json.MAPPER.readTree(datasets.resolve("manifest.json").toFile());
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode dataset : manifest) {
			String folder = dataset.path("folder").asText();
			tests.add(DynamicTest.dynamicTest(folder, () -> check(datasets.resolve(folder), dataset)));
		}
		return tests.stream();
	}

	private void check(Path folder, JsonNode dataset) throws IOException {
		if (!Files.isDirectory(folder)) {
			System.out.println("DatasetsGroundTruthTest: " + folder + " absent: skipped");
			assumeTrue(false, folder + " absent");
		}
		List<Event> events = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (JsonNode file : dataset.path("files")) {
			Path path = folder.resolve(file.asText());
			String name = path.getFileName().toString();
			if (name.endsWith(".json") || name.endsWith(".ndjson")) {
				decodeLines(path, events, refusals);
			}
			else if (name.endsWith(".xml")) {
				decodeDocument(path, events, refusals);
			}
		}
		assertThat(refusals).as("refused records").isEmpty();
		if (dataset.has("event_count")) {
			assertThat(events).as("decoded events").hasSize(dataset.get("event_count").asInt());
		}
		for (JsonNode truth : dataset.path("ground_truth")) {
			List<Event> matches = events.stream().filter(e -> matches(e, truth)).toList();
			assertThat(matches).as(truth.path("label").asText()).hasSize(truth.path("count").asInt());
			for (Event e : matches) {
				assertThat(e.getHostName()).as("host.name of " + e).isNotBlank();
				assertThat(e.getId()).as("event.id").hasSize(40);
			}
		}
	}

	private void decodeLines(Path path, List<Event> events, List<String> refusals) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			String line;
			int n = 0;
			while ((line = in.readLine()) != null) {
				n++;
				if (!line.isBlank()) {
					decode(line.getBytes(StandardCharsets.UTF_8), path.getFileName() + ":" + n, events, refusals);
				}
			}
		}
	}

	private void decodeDocument(Path path, List<Event> events, List<String> refusals) throws IOException {
		if (!decoders.formatNames().contains(Decoders.WINDOWS_XML)) {
			System.out.println("DatasetsGroundTruthTest: no Windows XML decoder yet: " + path + " skipped");
			return;
		}
		decode(Files.readAllBytes(path), path.getFileName().toString(), events, refusals);
	}

	private void decode(byte[] record, String where, List<Event> events, List<String> refusals) {
		try {
			events.addAll(decoders.decode(record, null));
		}
		catch (DecodeException e) {
			if (refusals.size() < 20) {
				refusals.add(where + ": " + e.getMessage());
			}
		}
	}

	static boolean matches(Event e, JsonNode truth) {
		if (!truth.path("channel").asText().equalsIgnoreCase(e.getChannel())) {
			return false;
		}
		boolean idMatches = false;
		for (JsonNode id : truth.path("event_id")) {
			idMatches |= id.asText().equals(e.getCode());
		}
		if (!idMatches) {
			return false;
		}
		for (Map.Entry<String, JsonNode> c : truth.path("where").properties()) {
			String actual = e.fieldString("winlog.event_data." + c.getKey());
			if (actual == null || !condition(c.getValue().get(0).asText(), actual, c.getValue().get(1).asText())) {
				return false;
			}
		}
		return true;
	}

	static boolean condition(String op, String actual, String expected) {
		return switch (op) {
			case "equals" -> actual.equals(expected);
			case "contains" -> actual.contains(expected);
			case "endswith" -> actual.toLowerCase(Locale.ROOT).endsWith(expected.toLowerCase(Locale.ROOT));
			case "regex" -> Pattern.compile(expected).matcher(actual).find();
			case "hexeq" -> {
				Long a = JsonFields.number(actual);
				Long b = JsonFields.number(expected);
				yield a != null && a.equals(b);
			}
			default -> throw new IllegalArgumentException("unknown condition in manifest.json: " + op);
		};
	}

}
