package io.iterdef.web.incident;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventFieldsTest {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldFlattenNestedFieldsWithPreferredFieldsFirstWhenGivenEcsEvent() {
		EventFields event = EventFields.of(mapper.readTree("""
				{"winlog":{"event_data":{"Image":"C:\\\\x.exe"}},
				 "process":{"command_line":"whoami /all","parent":{"name":"cmd.exe"},"pid":42},
				 "host":{"name":"wkstn-1"},"event":{"id":"e1","code":"1","category":["process"]},
				 "@timestamp":"2020-09-04T20:09:55.760Z","user":{"name":"bob"}}"""));

		assertThat(event.id()).isEqualTo("e1");
		List<String> names = event.fields().stream().map(EventFields.Field::name).toList();
		assertThat(names).containsExactly("@timestamp", "event.code", "host.name", "user.name", "process.pid",
				"process.command_line", "process.parent.name", "event.category", "event.id",
				"winlog.event_data.Image");
		assertThat(event.fields()).contains(new EventFields.Field("process.pid", "42"),
				new EventFields.Field("event.category", "process"),
				new EventFields.Field("winlog.event_data.Image", "C:\\x.exe"));
	}

	@Test
	void shouldIndexObjectsInArraysWhenArrayIsNotScalar() {
		EventFields event = EventFields.of(mapper.readTree("{\"dns\":{\"answers\":[{\"ip\":\"10.0.0.1\"},{\"ip\":\"10.0.0.2\"}]}}"));

		assertThat(event.fields()).containsExactly(new EventFields.Field("dns.answers[0].ip", "10.0.0.1"),
				new EventFields.Field("dns.answers[1].ip", "10.0.0.2"));
		assertThat(event.id()).isEmpty();
	}

}
