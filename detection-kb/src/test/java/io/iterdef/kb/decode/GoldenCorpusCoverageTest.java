package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden corpus covers every event id issue 3 asks for: for each id and each shipper format that carries Windows
 * events (NXLog im_msvistalog JSON, Winlogbeat 7/8, Windows XML, flattened Log-Analytics JSON, Winlogbeat 6.x
 * legacy, evtx_dump JSON) a raw record raw/FORMAT/corpus_SOURCE_ID.EXT and
 * its decoded ECS document decoded/FORMAT/corpus_SOURCE_ID.json, whose event.code is the id and whose
 * event.category is set (or, for the ids Elastic leaves uncategorized, event.action). GoldenFilesTest checks that
 * each raw record still decodes to its document; sample-events/tools/gen_golden_corpus.py writes the raw records.
 */
class GoldenCorpusCoverageTest {

	static final Path RAW = GoldenFilesTest.RAW;

	static final Path DECODED = GoldenFilesTest.DECODED;

	/** Golden folder and raw file extension of each format. */
	static final Map<String, String> FORMATS = Map.of("nxlog", "json", "winlogbeat", "json", "windows-xml", "xml",
			"flat", "json", "winlogbeat6", "json", "evtx-dump-json", "json");

	/** The event ids of issue 3 by source (the corpus_SOURCE_ prefix). */
	static final Map<String, List<Integer>> IDS = ids();

	/** Ids Elastic gives no event.category: only event.action (and event.type) are required. */
	static final Set<String> UNCATEGORIZED = Set.of("sysmon_24");

	private static Map<String, List<Integer>> ids() {
		Map<String, List<Integer>> ids = new LinkedHashMap<>();
		ids.put("sysmon", IntStream.rangeClosed(1, 29).boxed().toList());
		ids.put("security", List.of(4624, 4625, 4634, 4647, 4648, 4656, 4663, 4672, 4688, 4697, 4698, 4699, 4702,
				4719, 4720, 4722, 4724, 4728, 4732, 4756, 4768, 4769, 4771, 4776, 5140, 5145, 1102));
		ids.put("system", List.of(7045, 7036, 104));
		ids.put("powershell", List.of(4103, 4104, 400, 800));
		ids.put("wmi", IntStream.rangeClosed(5857, 5861).boxed().toList());
		ids.put("taskscheduler", List.of(106, 140, 141, 200, 201));
		ids.put("emet", List.of(1, 2, 50));
		return ids;
	}

	@Test
	void shouldHaveGoldenCaseWhenEventIdOfIssueIsInEachFormat() throws IOException {
		List<String> problems = new ArrayList<>();
		int cases = 0;
		for (Map.Entry<String, List<Integer>> source : IDS.entrySet()) {
			for (int id : source.getValue()) {
				String name = "corpus_" + source.getKey() + "_" + id;
				for (Map.Entry<String, String> format : FORMATS.entrySet()) {
					Path raw = RAW.resolve(format.getKey()).resolve(name + "." + format.getValue());
					Path decoded = DECODED.resolve(format.getKey()).resolve(name + ".json");
					if (!Files.isRegularFile(raw)) {
						problems.add(raw + ": missing (run sample-events/tools/gen_golden_corpus.py)");
						continue;
					}
					if (!Files.isRegularFile(decoded)) {
						problems.add(decoded + ": missing (run GoldenFilesTest with -Diterdef.golden.update=true)");
						continue;
					}
					check(Json.MAPPER.readTree(decoded.toFile()), decoded, source.getKey() + "_" + id, id, problems);
					cases++;
				}
			}
		}
		assertThat(problems).as("golden corpus coverage of issue 3's event ids").isEmpty();
		assertThat(cases).isEqualTo(IDS.values().stream().mapToInt(List::size).sum() * FORMATS.size());
	}

	private static void check(JsonNode doc, Path decoded, String key, int id, List<String> problems) {
		JsonNode ecs = doc.isArray() && doc.size() == 1 ? doc.get(0) : doc;
		if (!ecs.isObject()) {
			problems.add(decoded + ": not one ECS event");
			return;
		}
		String code = ecs.path("event").path("code").asText(null);
		if (!Integer.toString(id).equals(code)) {
			problems.add(decoded + ": event.code " + code + ", expected " + id);
		}
		JsonNode category = ecs.path("event").path("category");
		boolean categorized = category.isArray() && !category.isEmpty();
		String action = ecs.path("event").path("action").asText("");
		if (UNCATEGORIZED.contains(key) ? action.isBlank() : !categorized) {
			problems.add(decoded + ": " + (UNCATEGORIZED.contains(key) ? "no event.action" : "no event.category")
					+ " (the generic mapping?)");
		}
		if (ecs.path("event").path("type").isEmpty()) {
			problems.add(decoded + ": no event.type");
		}
		if (ecs.path("winlog").path("event_data").isMissingNode()) {
			problems.add(decoded + ": no winlog.event_data");
		}
	}

}
