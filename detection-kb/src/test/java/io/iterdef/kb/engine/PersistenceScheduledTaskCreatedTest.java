package io.iterdef.kb.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Scheduled task created" waits 30 seconds (pseudo clock) for a suspicious creation of the same task before it
 * raises, so that a task whose TaskScheduler 106 arrives ahead of its 4698 gives the one, higher-severity alert of
 * "Scheduled task with a suspicious action".
 */
class PersistenceScheduledTaskCreatedTest extends RuleSessionTest {

	static final Instant T0 = Instant.parse("2026-11-17T10:00:00Z");

	static final String HOST = "fin-ws07.corp.example.org";

	static final String CREATED = "Scheduled task created";

	static final String SUSPICIOUS = "Scheduled task with a suspicious action";

	static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

	@Test
	void shouldRaiseCreatedThirtySecondsLaterWhenOnlyTaskScheduler106Arrives() {
		session.insert(registered(T0, "\\Updater"));
		session.advanceTo(T0.plusSeconds(29));
		assertThat(alerts).isEmpty();
		session.advanceTo(T0.plusSeconds(31));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(CREATED);
		assertThat(alerts.get(0).getGroupKey()).isEqualTo(HOST + "|updater");
	}

	@Test
	void shouldRaiseOnlySuspiciousWhen4698Follows106WithinThirtySeconds() {
		session.insert(registered(T0, "\\MordorSchtask"));
		session.insert(created(T0.plusSeconds(2), "\\MordorSchtask", POWERSHELL, "-NonI -W hidden -c \"Start-Sleep 1\""));
		session.advanceTo(T0.plusSeconds(600));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(SUSPICIOUS);
	}

	@Test
	void shouldRaiseCreatedWhenTheSuspiciousEventIsForAnotherTask() {
		session.insert(registered(T0, "\\Updater"));
		session.insert(created(T0.plusSeconds(2), "\\Other", POWERSHELL, "-c Get-Date"));
		session.advanceTo(T0.plusSeconds(600));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactlyInAnyOrder(SUSPICIOUS, CREATED);
	}

	@Test
	void shouldStayQuietFor106WhenTheSuspiciousRuleAlreadyRaisedForTheTask() {
		session.insert(created(T0, "\\MordorSchtask", POWERSHELL, "-NonI -W hidden -c \"Start-Sleep 1\""));
		session.insert(registered(T0.plusSeconds(45), "\\MordorSchtask"));
		session.advanceTo(T0.plusSeconds(600));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(SUSPICIOUS);
	}

	@Test
	void shouldRaiseBothWhenTheSuspicious4698ComesMoreThanThirtySecondsAfter106() {
		session.insert(registered(T0, "\\MordorSchtask"));
		session.insert(Event.fromTree(base(T0.plusSeconds(40), "4624", "Security", "-"))); // any event moves the clock
		session.insert(created(T0.plusSeconds(45), "\\MordorSchtask", POWERSHELL, "-c Get-Date"));
		session.advanceTo(T0.plusSeconds(600));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(CREATED, SUSPICIOUS);
	}

	@Test
	void shouldRaiseCreatedOnceForABenign4698And106() {
		String program = "C:\\Program Files\\Contoso\\Sync\\syncagent.exe";
		session.insert(registered(T0, "\\ContosoSync"));
		session.insert(created(T0.plusSeconds(1), "\\ContosoSync", program, "/background"));
		session.advanceTo(T0.plusSeconds(600));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(CREATED);
	}

	/** TaskScheduler 106 (task registered): a name, no action. */
	static Event registered(Instant time, String task) {
		ObjectNode ecs = base(time, "106", "Microsoft-Windows-TaskScheduler/Operational", task);
		return Event.fromTree(ecs);
	}

	/** Security 4698 (task created) with one exec action, as the decoder maps the task XML. */
	static Event created(Instant time, String task, String command, String arguments) {
		ObjectNode ecs = base(time, "4698", "Security", task);
		ObjectNode action = ((ObjectNode) ecs.get("winlog")).putObject("scheduled_task").putArray("actions").addObject();
		action.put("type", "exec");
		action.put("command", command);
		action.put("arguments", arguments);
		return Event.fromTree(ecs);
	}

	private static ObjectNode base(Instant time, String code, String channel, String task) {
		ObjectNode ecs = Json.MAPPER.createObjectNode();
		ecs.put("@timestamp", time.toString());
		ObjectNode event = ecs.putObject("event");
		event.put("id", Json.sha1Hex(code + time + task));
		event.put("code", code);
		ecs.putObject("host").put("name", HOST);
		ObjectNode winlog = ecs.putObject("winlog");
		winlog.put("channel", channel);
		winlog.putObject("event_data").put("TaskName", task);
		return ecs;
	}
}
