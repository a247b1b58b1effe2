package io.iterdef.kb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A session compacts the events it has evaluated (it keeps them for the longest window): rules that join on a field
 * of an earlier event, or read one in their consequence, see the same values as before.
 */
class CompactedEventsTest {

	private static final String DRL = """
			package rules.test.compact;

			import io.iterdef.kb.event.Event;
			import java.util.List;

			global io.iterdef.kb.engine.Alerts alerts;

			rule "Same target user failed then logged on"
			    @id("0d5e3a52-8a0e-4c55-9a55-4f1b1c1e0101")
			    @severity("medium")
			    @tactic("credential-access")
			    @attack("T1110")
			    @description("d")
			    @falsePositives("f")
			    @suppress("0")
			    @window("5m")
			when
			    $a : Event( code == "4625", $u : fieldString("winlog.event_data.TargetUserName"), $h : hostName )
			    $b : Event( code == "4624", hostName == $h, fieldString("winlog.event_data.TargetUserName") == $u,
			                this after[0s, 5m] $a )
			then
			    // a path no constraint names literally: read from the earlier event's JSON again
			    String path = String.join(".", "winlog", "event_data", "IpAddress");
			    alerts.raise(drools, $h + "/" + $a.fieldString(path), List.of($a, $b));
			end
			""";

	private final RuleSet rules = RuleSet.compile(Map.of("rules/test/compact/compact_test.drl", DRL));

	@Test
	void shouldKeepThePathsTheRulesReadByName() {
		assertThat(rules.fieldsRead().paths()).containsExactly("winlog.event_data.TargetUserName");
	}

	@Test
	void shouldCompactEvaluatedEventsAndStillJoinOnTheirFields() {
		List<Alert> alerts = new ArrayList<>();
		try (DetectionSession session = rules.newSession(alerts::add)) {
			Event failed = event("f1", "2026-11-17T10:00:00Z", "4625", "bob", "10.0.0.9");
			Event otherUser = event("s0", "2026-11-17T10:01:00Z", "4624", "carol", "10.0.0.7");
			Event success = event("s1", "2026-11-17T10:02:00Z", "4624", "bob", "10.0.0.8");

			session.insert(failed);
			assertThat(failed.isCompact()).isTrue();
			session.insert(otherUser);
			assertThat(alerts).isEmpty();
			session.insert(success);

			assertThat(alerts).singleElement().satisfies(alert -> {
				assertThat(alert.getGroupKey()).isEqualTo("ws01/10.0.0.9");
				assertThat(alert.getEventIds()).containsExactly("f1", "s1");
				assertThat(alert.getEvents().get(0).fieldString("winlog.event_data.IpAddress")).isEqualTo("10.0.0.9");
				assertThat(alert.getEvents().get(0).fieldString("message")).isEqualTo("logon f1");
			});
		}
	}

	@Test
	void shouldFindTheFieldsReadInEveryFormOfTheCall() {
		String drl = """
				$e : Event( field("a.b") != null, fieldString( "c.d" ) == "x", fieldString("e\\"f") == "y" )
				then String s = $e.fieldString("g.h"); Object o = $e.field(path); myfield("not.this");
				""";

		assertThat(RuleSet.fieldsRead(Map.of("x.drl", drl)).paths()).containsExactly("a.b", "c.d", "e\"f", "g.h");
	}

	private static Event event(String id, String time, String code, String user, String ip) {
		String json = """
				{"@timestamp":"%s","event":{"id":"%s","code":"%s"},"host":{"name":"ws01"},"message":"logon %s",
				"winlog":{"event_data":{"TargetUserName":"%s","IpAddress":"%s"}}}""".formatted(time, id, code, id, user, ip);
		return Event.fromJson(json.getBytes(StandardCharsets.UTF_8));
	}
}
