package io.iterdef.kb.decode.xml;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.TestResources;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every event of the shared XML recordings (libevtx renderings) and format examples decodes, ids unique. */
class XmlDatasetsTest {

	@Test
	void shouldDecodeEveryEventWhenReadingTheXmlRecordings() throws Exception {
		Path datasets = TestResources.datasets();
		assumeTrue(datasets != null, "../shared/datasets not found: skipping the XML recordings");
		JsonNode manifest = Json.MAPPER.readTree(datasets.resolve("manifest.json").toFile());
		int checked = 0;
		for (JsonNode dataset : manifest) {
			for (JsonNode file : dataset.path("files")) {
				if (file.asText().endsWith(".xml")) {
					Path xml = datasets.resolve(dataset.path("folder").asText()).resolve(file.asText());
					List<WinEvent> events = decodeFile(xml);
					assertThat(events).as(xml.toString()).hasSize(dataset.path("event_count").asInt());
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(3);
	}

	@Test
	void shouldDecodeTheFormatExamplesWhenPresent() throws Exception {
		Path datasets = TestResources.datasets();
		assumeTrue(datasets != null, "../shared/datasets not found: skipping the format examples");
		List<WinEvent> sysmon = decodeFile(datasets.resolve("formats/windows-xml/windows-evtrender-sysmon-22-23.xml"));
		assertThat(sysmon).extracting(e -> e.eventId).containsExactly(22, 23);
		assertThat(sysmon.get(1).eventData).containsEntry("Archived", "true");
		List<WinEvent> emet = decodeFile(datasets.resolve("formats/emet/emet-application-eid50-deepbluecli.xml"));
		assertThat(emet).hasSize(15).allSatisfy(e -> {
			assertThat(e.eventId).isEqualTo(50);
			assertThat(e.provider).isEqualTo("EMET");
			assertThat(e.unnamedData).singleElement().asString().startsWith("EMET version 5.51");
		});
	}

	private static List<WinEvent> decodeFile(Path xml) throws Exception {
		List<WinEvent> events = WindowsXmlDecoderTest.DECODERS.decodeWinEvents(Files.readAllBytes(xml), "windows-xml");
		Set<String> ids = new HashSet<>();
		events.forEach(e -> ids.add(e.id));
		assertThat(ids).as("distinct ids in " + xml).hasSize(events.size());
		return events;
	}

}
