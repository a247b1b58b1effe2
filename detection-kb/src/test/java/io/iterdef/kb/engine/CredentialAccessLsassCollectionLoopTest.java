package io.iterdef.kb.engine;

import io.iterdef.kb.cli.FixtureRunner;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.TaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop with the rule library: an LSASS access raises the first alert and requests process.list and file.hash on
 * the host; the agent's answers (agent-result records) then raise "LSASS accessor confirmed on the host".
 */
class CredentialAccessLsassCollectionLoopTest {

	@TempDir
	Path dir;

	static final String ACCESS = "1f5545ce-c189-4794-bf62-026bcf939c2e";

	static final String CONFIRMED = "f34d3c0a-7121-4846-8082-4cf7b5e92f4e";

	static final String CASE = "windows/process_access/credential_access_lsass_accessor_confirmed/match/";

	@Test
	void shouldRequestCollectionThenConfirmWhenTheAgentAnswers() throws Exception {
		RuleSet rules = RuleConventions.library().ruleSet();
		List<Event> events = decode("procdump_still_running_hashed.ndjson");
		assertThat(events).hasSizeGreaterThan(3);
		List<Alert> alerts = new ArrayList<>();
		List<TaskRequest> requests = new ArrayList<>();
		try (DetectionSession session = rules.newSession(alerts::add, requests::add)) {
			session.insert(events.get(0)); // the Sysmon 10 access
			assertThat(alerts).extracting(Alert::getRuleId).containsExactly(ACCESS);
			String alertId = alerts.get(0).getId();
			assertThat(requests).extracting(TaskRequest::type).containsExactly("process.list", "file.hash");
			assertThat(requests).extracting(TaskRequest::requestId)
				.containsExactly(alertId + ":process.list:0", alertId + ":file.hash:0");
			assertThat(requests).allSatisfy(r -> {
				assertThat(r.host()).isEqualTo("fin-ws07.corp.example.org");
				assertThat(r.ruleId()).isEqualTo(ACCESS);
				assertThat(r.alertId()).isEqualTo(alertId);
			});
			assertThat(requests.get(1).params()).isEqualTo(Map.of("path", "C:\\Users\\jdoe\\Downloads\\procdump64.exe"));

			for (Event agentEvent : events.subList(1, events.size())) { // the process list, then the hash
				session.insert(agentEvent);
			}
		}
		assertThat(alerts).extracting(Alert::getRuleId).containsExactly(ACCESS, CONFIRMED);
		Alert confirmed = alerts.get(1);
		assertThat(confirmed.getHostName()).isEqualTo("fin-ws07.corp.example.org");
		assertThat(confirmed.getEvents()).anySatisfy(e -> assertThat(e.fieldString("file.hash.sha256"))
			.isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
		assertThat(confirmed.getEvents()).anySatisfy(e -> assertThat(e.field("process.pid")).isEqualTo(6120L));
		assertThat(requests).hasSize(2); // the second rule requests nothing
	}

	@Test
	void shouldConfirmWhenTheImageIsAPosixPath() throws Exception {
		List<TaskRequest> requests = new ArrayList<>();
		List<Alert> alerts = RuleConventions.library().ruleSet().detect(decode("linux_agent_posix_image.ndjson"),
				done -> {
				}, requests::add);
		assertThat(alerts).extracting(Alert::getRuleId).containsExactly(ACCESS, CONFIRMED);
		assertThat(requests).extracting(r -> r.params().get("path")).containsExactly(null, "/tmp/iterdef-e2e/tool.exe");
	}

	/**
	 * The confirmation waits up to 30 minutes for the agent, on a small fact of its own: the session keeps every
	 * Event as long as the longest @window of the library, and a 30-minute window on this rule doubled that (half an
	 * hour of all events in memory).
	 */
	@Test
	void shouldKeepASmallRecordOfTheAccessInsteadOfEveryEventForThirtyMinutes() throws Exception {
		RuleSet rules = RuleConventions.library().ruleSet();
		assertThat(rules.longestWindow()).isLessThan(java.time.Duration.ofMinutes(30));

		List<Event> events = decode("procdump_still_running_hashed.ndjson");
		List<Alert> alerts = new ArrayList<>();
		try (DetectionSession session = rules.newSession(alerts::add, r -> {
		})) {
			session.insert(events.get(0));
			session.advanceTo(events.get(0).getTimestamp().plus(rules.longestWindow()).plusSeconds(1));
			assertThat(session.factCount()).as("the access event gone, its 30-minute record kept").isEqualTo(1);
		}
	}

	private List<Event> decode(String name) throws Exception {
		Path file = io.iterdef.kb.TestResources.classpathFile("rules", CASE + name, dir);
		return new FixtureRunner(RuleConventions.library()).decodeAll(file);
	}


}
