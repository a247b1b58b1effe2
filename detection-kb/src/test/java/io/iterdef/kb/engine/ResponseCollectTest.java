package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.TaskRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.iterdef.kb.engine.EngineTestRules.HOST;
import static io.iterdef.kb.engine.EngineTestRules.at;
import static io.iterdef.kb.engine.EngineTestRules.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** response.collect: requests tied to the alert, deterministic ids, muting, suppression and the guardrails. */
class ResponseCollectTest {

	private static final String HEADER = """
			package rules.test.response;

			import io.iterdef.kb.event.Event;
			import java.util.List;
			import java.util.Map;

			global io.iterdef.kb.engine.Alerts alerts;
			global io.iterdef.kb.engine.Response response;

			""";

	private static String rule(String name, String id, String command, String action) {
		return """
				rule "%s"
				    @id("%s")
				    @severity("high")
				    @tactic("execution")
				    @attack("T1059")
				    @description("d")
				    @falsePositives("f")
				    @suppress("10m")
				when
				    $e : Event( code == "1", commandLine == "%s" )
				then
				%s
				end
				""".formatted(name, id, command, action);
	}

	private static final String RAISE = "    alerts.raise(drools, $e.getHostName(), List.of($e));\n";

	static RuleSet rules() {
		return RuleSet.compile(Map.of("rules/test/response/r.drl", HEADER
				+ rule("Collect twice", "6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0101", "bad", RAISE
						+ "    response.collect(drools, $e.getHostName(), \"process.list\", Map.of());\n"
						+ "    response.collect(drools, $e.getHostName(), \"file.hash\", Map.of(\"path\", \"/a\"));\n"
						+ "    response.collect(drools, $e.getHostName(), \"file.hash\", Map.of(\"path\", \"/b\"));\n")
				+ rule("Computed type", "6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0102", "computed", RAISE
						+ "    String type = \"file.\" + \"collect\";\n"
						+ "    response.collect(drools, $e.getHostName(), type, Map.of(\"path\", \"/a\"));\n")
				+ rule("No alert", "6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0103", "quiet",
						"    response.collect(drools, $e.getHostName(), \"process.list\", Map.of());\n")));
	}

	private final RuleSet rules = rules();

	private final List<Alert> alerts = new ArrayList<>();

	private final List<TaskRequest> requests = new ArrayList<>();

	private DetectionSession session() {
		return rules.newSession(alerts::add, requests::add);
	}

	@Test
	void shouldEmitRequestsTiedToTheAlertWhenTheRuleRaisesOne() {
		try (DetectionSession session = session()) {
			session.insert(at(0, "bad"));
		}
		assertThat(alerts).hasSize(1);
		String alertId = alerts.get(0).getId();
		assertThat(requests).extracting(TaskRequest::requestId).containsExactly(alertId + ":process.list:0",
				alertId + ":file.hash:0", alertId + ":file.hash:1");
		TaskRequest hash = requests.get(2);
		assertThat(hash.ruleId()).isEqualTo("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0101");
		assertThat(hash.ruleName()).isEqualTo("Collect twice");
		assertThat(hash.alertId()).isEqualTo(alertId);
		assertThat(hash.host()).isEqualTo(HOST);
		assertThat(hash.params()).isEqualTo(Map.of("path", "/b"));
		assertThat(hash.requestedAt()).isEqualTo(alerts.get(0).getTimestamp());
		assertThat(hash.toJsonString()).contains("\"requestId\":\"" + alertId + ":file.hash:1\"",
				"\"type\":\"file.hash\"", "\"params\":{\"path\":\"/b\"}", "\"requestedAt\":\"2026-11-17T10:00:00Z\"");
	}

	@Test
	void shouldRepeatTheSameRequestIdsWhenTheEventsAreReplayed() {
		try (DetectionSession session = session()) {
			session.insert(at(0, "bad"));
		}
		List<TaskRequest> first = List.copyOf(requests);
		requests.clear();
		try (DetectionSession session = session()) {
			session.insert(at(0, "bad"));
		}
		assertThat(requests).isEqualTo(first);
	}

	@Test
	void shouldRequestNothingWhenAlertsAreMutedOrTheMatchIsSuppressed() {
		try (DetectionSession session = session()) {
			session.setAlertsMuted(true);
			session.insert(at(0, "bad"));
			session.setAlertsMuted(false);
			assertThat(requests).isEmpty();
			session.insert(at(s(60), "bad")); // suppressed into the (muted) alert's open window
			assertThat(requests).isEmpty();
			session.insert(at(s(601), "bad")); // the window has closed: a new alert, new requests
		}
		assertThat(requests).hasSize(3);
	}

	@Test
	void shouldRefuseAtRunTimeWhenTheTypeIsComputedOrNoAlertWasRaised() {
		try (DetectionSession session = session()) {
			session.insert(at(0, "computed"));
			session.insert(at(1, "quiet"));
		}
		assertThat(requests).isEmpty();
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldRefuseTheRuleSetWhenALiteralTypeMayNotBeRequestedByARule() {
		String drl = HEADER + rule("Collect a file", "6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0104", "bad", RAISE
				+ "    // response.collect(drools, \"h\", \"memory.scan\", Map.of()); is a comment, not a call\n"
				+ "    response.collect(drools, $e.getHostName(), \"file.collect\", Map.of(\"path\", \"a,b\"));\n");
		assertThatThrownBy(() -> RuleSet.compile(Map.of("rules/test/response/bad.drl", drl)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("rules/test/response/bad.drl:")
			.hasMessageContaining("response.collect asks for 'file.collect', which a rule may not request")
			.hasMessageNotContaining("memory.scan");
		assertThat(CollectCheck.errors("x.drl", "response.collect(drools, h, \"shell.exec\", Map.of())"))
			.singleElement().asString().contains("'shell.exec', which is not a task type");
		assertThat(CollectCheck.errors("x.drl", "response.collect(drools, h, \"process.list\", Map.of(\"a\", f(1, 2)))"))
			.isEmpty();
	}

	@Test
	void shouldNotNeedAResponseSinkWhenOnlyAlertsAreWanted() {
		List<Event> events = List.of(at(0, "bad"));
		assertThat(rules.detect(events)).hasSize(1);
		List<TaskRequest> offline = new ArrayList<>();
		assertThat(rules.detect(events, done -> {
		}, offline::add)).hasSize(1);
		assertThat(offline).hasSize(3);
	}

}
