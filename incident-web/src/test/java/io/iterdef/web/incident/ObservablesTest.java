package io.iterdef.web.incident;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ObservablesTest {

	private static EventFields event(String json) {
		return EventFields.of(JsonMapper.builder().build().readTree(json));
	}

	@Test
	void shouldCollectTypedDeduplicatedObservablesWithEventCounts() {
		EventFields e1 = event("""
				{"event":{"id":"e1"},"host":{"name":"fin-ws07","ip":["10.0.0.7","fe80::7"]},
				 "user":{"name":"pgustavo","domain":"THESHIRE"},
				 "process":{"executable":"C:\\\\Windows\\\\System32\\\\cmd.exe","command_line":"cmd /c whoami",
				            "hash":{"sha256":"ABCDEF0123","md5":"d41d8cd9"}},
				 "destination":{"ip":"203.0.113.9"},"dns":{"question":{"name":"evil.example"}}}""");
		EventFields e2 = event("""
				{"event":{"id":"e2"},"host":{"name":"fin-ws07"},"user":{"name":"pgustavo","domain":"THESHIRE"},
				 "file":{"path":"C:\\\\Temp\\\\a.ps1","hash":{"sha256":"abcdef0123"}},
				 "registry":{"path":"HKLM\\\\Software\\\\Run\\\\x"},"source":{"ip":"10.0.0.7"}}""");

		List<Observables.Observable> observables = Observables.of(List.of(e1, e2));

		assertThat(observables).extracting(o -> o.type() + "=" + o.value() + "#" + o.count())
			.containsExactlyInAnyOrder("host=fin-ws07#2", "ip=10.0.0.7#2", "ip=fe80::7#1", "ip=203.0.113.9#1",
					"user=THESHIRE\\pgustavo#2", "path=C:\\Windows\\System32\\cmd.exe#1", "path=C:\\Temp\\a.ps1#1",
					"command_line=cmd /c whoami#1", "hash=abcdef0123#2", "hash=d41d8cd9#1",
					"registry=HKLM\\Software\\Run\\x#1", "domain=evil.example#1");
		assertThat(observables).filteredOn(o -> o.value().equals("10.0.0.7"))
			.singleElement()
			.satisfies(o -> assertThat(o.fields()).isEqualTo("host.ip, source.ip"));
	}

	@Test
	void shouldFindNothingWhenEventsHaveNoObservableFields() {
		assertThat(Observables.of(List.of(event("{\"event\":{\"id\":\"e1\",\"code\":\"4624\"}}")))).isEmpty();
	}

}
