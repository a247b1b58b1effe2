package io.iterdef.kb.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventCompactionTest {

	private static final String JSON = """
			{"@timestamp":"2026-11-17T10:00:00Z","event":{"id":"e-1","code":"4625","category":["authentication"],
			"type":["start"]},"host":{"name":"ws01"},"user":{"name":"alice"},"source":{"port":445},
			"winlog":{"channel":"Security","event_data":{"TargetUserName":"bob","LogonType":"3","IpAddress":"10.0.0.9"}},
			"tags":["a","b"],"message":"An account failed to log on."}""";

	private static final KeptFields RULES_READ = KeptFields.of(List.of("winlog.event_data.TargetUserName",
			"winlog.event_data.Status", "source.port"));

	private static Event parsed() {
		return Event.fromJson(JSON.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldAnswerEveryReadAsBeforeOnceCompacted() {
		Event before = parsed();
		Event after = parsed();

		after.compact(RULES_READ);

		assertThat(after.isCompact()).isTrue();
		for (String path : List.of("winlog.event_data.TargetUserName", "winlog.event_data.Status", "source.port",
				"winlog.event_data.LogonType", "winlog.event_data", "tags", "user.name", "no.such.path", "message")) {
			assertThat(after.fieldString(path)).as(path).isEqualTo(before.fieldString(path));
			assertThat(after.field(path)).as(path).isEqualTo(before.field(path));
		}
		assertThat(after.field("winlog.event_data")).isEqualTo(Map.of("TargetUserName", "bob", "LogonType", "3",
				"IpAddress", "10.0.0.9"));
		assertThat(after.getHostName()).isEqualTo("ws01");
		assertThat(after.getUserName()).isEqualTo("alice");
		assertThat(after.getCode()).isEqualTo("4625");
		assertThat(after.getChannel()).isEqualTo("Security");
	}

	@Test
	void shouldKeepItsJsonTreeAndEquality() {
		Event before = parsed();
		Event after = parsed();

		after.compact(RULES_READ);

		assertThat(after.toTree()).isEqualTo(before.toTree());
		assertThat(Json.parseObject(after.toJson())).isEqualTo(before.toTree());
		assertThat(after).isEqualTo(before).hasSameHashCodeAs(before);
		assertThat(before).isEqualTo(after);
	}

	@Test
	void shouldNotLetACallerChangeTheKeptJson() {
		byte[] input = JSON.getBytes(StandardCharsets.UTF_8);
		Event event = Event.fromJson(input);
		Arrays.fill(input, (byte) '0');
		event.compact(RULES_READ);

		byte[] json = event.toJson();
		Arrays.fill(json, (byte) '0');

		assertThat(event.toTree().at("/winlog/event_data/TargetUserName").asText()).isEqualTo("bob");
	}

	@Test
	void shouldKeepTheTreeOfAnEventBuiltFromATree() {
		Event event = Event.fromTree(parsed().toTree());

		event.compact(RULES_READ);

		assertThat(event.isCompact()).isFalse();
		assertThat(event.fieldString("winlog.event_data.LogonType")).isEqualTo("3");
	}

	@Test
	void shouldReadAPathThatWasNotKeptFromTheJsonAgainAndRememberIt() {
		Event event = parsed();
		event.compact(KeptFields.NONE);

		assertThat(event.fieldString("winlog.event_data.IpAddress")).isEqualTo("10.0.0.9");
		assertThat(event.fieldString("winlog.event_data.IpAddress")).isEqualTo("10.0.0.9");
		assertThat(event.fieldString("winlog.event_data.Missing")).isNull();
		assertThat(event.field("source.port")).isEqualTo(445L);
	}

	@Test
	void shouldBeUnchangedByASecondCompaction() {
		Event event = parsed();
		event.compact(RULES_READ);

		event.compact(KeptFields.NONE);

		assertThat(event.fieldString("winlog.event_data.TargetUserName")).isEqualTo("bob");
	}
}
