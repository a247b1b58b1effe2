package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import org.junit.jupiter.api.Test;

import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.at;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.event;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.map;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.text;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

class TaskSchedulerMappingsTest {

	private static final String CHANNEL = "Microsoft-Windows-TaskScheduler/Operational";

	private static final String PROVIDER = "Microsoft-Windows-TaskScheduler";

	@Test
	void shouldMapTaskAndUserWhenTaskRegistered() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 106, "TaskName", "\\Updater", "UserContext", "CORP\\jdoe"));
		assertThat(texts(ecs, "event.category")).containsExactly("configuration");
		assertThat(texts(ecs, "event.type")).containsExactly("creation");
		assertThat(text(ecs, "event.action")).isEqualTo("scheduled-task-registered");
		assertThat(text(ecs, "winlog.scheduled_task.name")).isEqualTo("\\Updater");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");

		ObjectNode deleted = map(event(CHANNEL, PROVIDER, 141, "TaskName", "\\Updater", "UserName", "CORP\\jdoe"));
		assertThat(texts(deleted, "event.type")).containsExactly("deletion");
		assertThat(text(deleted, "user.name")).isEqualTo("jdoe");
	}

	@Test
	void shouldMapActionWhenActionStartedAndCompleted() {
		ObjectNode started = map(event(CHANNEL, PROVIDER, 200, "TaskName", "\\Updater", "ActionName",
				"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "TaskInstanceId",
				"{4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f}", "EnginePID", "5520"));
		assertThat(texts(started, "event.category")).containsExactly("process");
		assertThat(texts(started, "event.type")).containsExactly("start");
		assertThat(text(started, "process.name")).isEqualTo("powershell.exe");
		assertThat(text(started, "winlog.scheduled_task.instance_id")).isEqualTo("{4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f}");

		ObjectNode done = map(event(CHANNEL, PROVIDER, 201, "TaskName", "\\Updater", "ActionName",
				"{0f87369f-a4e5-4cfc-bd3e-73e6154572dd}", "ResultCode", "2147942402"));
		assertThat(text(done, "event.outcome")).isEqualTo("failure");
		assertThat(at(done, "process").isMissingNode()).isTrue();
		assertThat(text(done, "winlog.scheduled_task.action_name")).isEqualTo("{0f87369f-a4e5-4cfc-bd3e-73e6154572dd}");
	}

}
