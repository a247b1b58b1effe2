package io.iterdef.kb.decode.winlogbeat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What Winlogbeat 6 and 7/8 share beyond the golden files: the EventData copied from event_data and user_data. */
class BeatFieldsTest {

	@Test
	void shouldDropXmlNameWhenUserDataIsCopied() {
		WinEvent e = new WinEvent();
		BeatFields.eventData(e, null, json("{\"SubjectUserSid\":\"S-1-5-21-1-2-3-500\",\"SubjectUserName\":"
				+ "\"Administrator\",\"SubjectDomainName\":\"CORP\",\"xml_name\":\"LogFileCleared\"}"));
		assertThat(e.eventData).containsOnlyKeys("SubjectUserSid", "SubjectUserName", "SubjectDomainName");
		assertThat(e.data("SubjectUserName")).isEqualTo("Administrator");
	}

	@Test
	void shouldKeepEventDataFirstWhenBothHaveTheField() {
		WinEvent e = new WinEvent();
		BeatFields.eventData(e, json("{\"User\":\"CORP\\\\jdoe\"}"),
				json("{\"User\":\"OTHER\\\\x\",\"Code\":\"0x0\",\"xml_name\":\"Operation_StartedOperational\"}"));
		assertThat(e.eventData).containsOnlyKeys("User", "Code");
		assertThat(e.data("User")).isEqualTo("CORP\\jdoe");
	}

	private static JsonNode json(String text) {
		return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
	}

}
