package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: every src/test/resources/raw/FORMAT/CASE.{json,xml,log} (one record, auto-detected) decodes to
 * decoded/FORMAT/CASE.json (one event: an object; several: an array). Collector zone UTC, event.ingested fixed.
 * Run with {@code -Diterdef.golden.update=true} to (re)write the outputs, then review the git diff.
 */
class GoldenFilesTest {

	static final Path RAW = Path.of("src/test/resources/raw");

	static final Path DECODED = Path.of("src/test/resources/decoded");

	static final Clock INGEST = Clock.fixed(Instant.parse("2026-11-17T12:00:00Z"), ZoneOffset.UTC);

	static final boolean UPDATE = Boolean.getBoolean("iterdef.golden.update");

	final Decoders decoders = Decoders.defaults(ZoneOffset.UTC, INGEST);

	static Stream<String> cases() throws IOException {
		try (Stream<Path> files = Files.walk(RAW, 2)) {
			return files.filter(Files::isRegularFile)
				.map(f -> RAW.relativize(f).toString().replace('\\', '/'))
				.filter(n -> n.matches("[^/]+/[^/]+\\.(json|xml|log)"))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldMatchGoldenFileWhenRawRecordIsDecoded(String rawCase) throws Exception {
		List<Event> events = decoders.decode(Files.readAllBytes(RAW.resolve(rawCase)), null);
		assertThat(events).isNotEmpty();
		JsonNode actual = events.size() == 1 ? tree(events.get(0)) : array(events);
		Path golden = DECODED.resolve(rawCase.replaceAll("\\.(json|xml|log)$", ".json"));
		if (UPDATE) {
			Files.createDirectories(golden.getParent());
			Files.writeString(golden,
					Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(actual) + "\n");
		}
		assertThat(golden).as("golden file (run with -Diterdef.golden.update=true)").exists();
		assertThat(actual).as(rawCase).isEqualTo(Json.MAPPER.readTree(golden.toFile()));
	}

	private static JsonNode tree(Event e) throws IOException {
		return Json.MAPPER.readTree(e.toJson());
	}

	private static ArrayNode array(List<Event> events) throws IOException {
		ArrayNode a = Json.MAPPER.createArrayNode();
		for (Event e : events) {
			a.add(tree(e));
		}
		return a;
	}

}
