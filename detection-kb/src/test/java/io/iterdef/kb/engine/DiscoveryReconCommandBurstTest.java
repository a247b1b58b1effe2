package io.iterdef.kb.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The CEP rule with the pseudo clock: insert, advance, fire, assert. */
class DiscoveryReconCommandBurstTest extends RuleSessionTest {

	static final Instant T0 = Instant.parse("2026-11-17T10:00:00Z");

	static final String HOST = "fin-ws07.corp.example.org";

	static final String[][] COMMANDS = { { "whoami.exe", "whoami /all" }, { "net.exe", "net user /domain" },
			{ "ipconfig.exe", "ipconfig /all" }, { "systeminfo.exe", "systeminfo" },
			{ "nltest.exe", "nltest /dclist:corp.example.org" }, { "tasklist.exe", "tasklist /v" } };

	@Test
	void shouldFireOnceWhenFiveDistinctCommandsWithinTwoMinutes() {
		for (int i = 0; i < 5; i++) {
			session.insert(start(HOST, T0.plusSeconds(25L * i), COMMANDS[i]));
		}
		assertThat(alerts).hasSize(1);
		Alert alert = alerts.get(0);
		assertThat(alert.getRuleName()).isEqualTo("Discovery command burst on one host");
		assertThat(alert.getGroupKey()).isEqualTo(HOST);
		assertThat(alert.getTimestamp()).isEqualTo(T0.plusSeconds(100));
		assertThat(alert.getEventIds()).hasSize(5);
		assertThat(alert.getAttack()).containsExactly("T1033", "T1082", "T1087");
	}

	@Test
	void shouldNotFireWhenOnlyFourDistinctCommandsRun() {
		for (int i = 0; i < 4; i++) {
			session.insert(start(HOST, T0.plusSeconds(10L * i), COMMANDS[i]));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireWhenTheFifthCommandIsExactlyTwoMinutesAfterTheFirst() {
		for (int i = 0; i < 4; i++) {
			session.insert(start(HOST, T0.plusSeconds(10L * i), COMMANDS[i]));
		}
		session.insert(start(HOST, T0.plus(Duration.ofMinutes(2)), COMMANDS[4]));
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).getEventIds()).hasSize(5);
	}

	@Test
	void shouldNotFireWhenTheFifthCommandIsTwoMinutesAndOneSecondAfterTheFirst() {
		for (int i = 0; i < 4; i++) {
			session.insert(start(HOST, T0.plusSeconds(10L * i), COMMANDS[i]));
		}
		session.insert(start(HOST, T0.plus(Duration.ofMinutes(2)).plusSeconds(1), COMMANDS[4]));
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireWhenFiveCommandsAreSpreadOverThreeMinutes() {
		for (int i = 0; i < 5; i++) {
			session.insert(start(HOST, T0.plusSeconds(45L * i), COMMANDS[i]));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotRaiseASecondAlertWhenASixthCommandFollows() {
		for (int i = 0; i < 6; i++) {
			session.insert(start(HOST, T0.plusSeconds(10L * i), COMMANDS[i]));
		}
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireWhenTheSameCommandRepeats() {
		for (int i = 0; i < 8; i++) {
			session.insert(start(HOST, T0.plusSeconds(5L * i), COMMANDS[0]));
		}
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireAgainWhenANewBurstStartsAfterTheSuppressionWindow() {
		for (int i = 0; i < 5; i++) {
			session.insert(start(HOST, T0.plusSeconds(10L * i), COMMANDS[i]));
		}
		Instant later = T0.plus(Duration.ofMinutes(15));
		for (int i = 0; i < 5; i++) {
			session.insert(start(HOST, later.plusSeconds(10L * i), COMMANDS[i]));
		}
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).getId()).isNotEqualTo(alerts.get(1).getId());
	}

	@Test
	void shouldForgetEventsWhenTheClockPassesTheWindow() {
		for (int i = 0; i < 4; i++) {
			session.insert(start(HOST, T0.plusSeconds(10L * i), COMMANDS[i]));
		}
		assertThat(session.factCount()).isEqualTo(4);
		session.advanceTo(T0.plus(library().longestWindow()).plusSeconds(60));
		assertThat(session.factCount()).isZero();
		session.insert(start(HOST, T0.plus(library().longestWindow()).plusSeconds(61), COMMANDS[4]));
		assertThat(alerts).isEmpty();
	}

	static Event start(String host, Instant time, String[] command) {
		ObjectNode ecs = Json.MAPPER.createObjectNode();
		ecs.put("@timestamp", time.toString());
		ObjectNode event = ecs.putObject("event");
		event.put("id", Json.sha1Hex(host + time + command[1]));
		event.put("code", "1");
		event.putArray("category").add("process");
		event.putArray("type").add("start");
		ecs.putObject("host").put("name", host);
		ObjectNode process = ecs.putObject("process");
		process.put("name", command[0]);
		process.put("executable", "C:\\Windows\\System32\\" + command[0]);
		process.put("command_line", command[1]);
		return Event.fromTree(ecs);
	}
}
