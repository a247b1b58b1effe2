package io.iterdef.agent.server.task;

import java.time.Duration;

import io.iterdef.agent.protocol.TaskType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApprovalRuleTest {

	private static TaskService service(boolean approvalRequired) {
		return new TaskService(null, null, null, null, 1, Duration.ofHours(1), approvalRequired);
	}

	@Test
	void shouldHoldAnAnalystsCollectionScanAndEventLogQueryForApproval() {
		TaskService tasks = service(true);

		assertThat(tasks.needsApproval(TaskType.FILE_COLLECT, "analyst")).isTrue();
		assertThat(tasks.needsApproval(TaskType.MEMORY_SCAN, "analyst")).isTrue();
		assertThat(tasks.needsApproval(TaskType.EVENTLOG_QUERY, "analyst")).isTrue();
		assertThat(tasks.needsApproval(TaskType.PROCESS_LIST, "analyst")).isFalse();
		assertThat(tasks.needsApproval(TaskType.FILE_COLLECT, "hunt")).as("a hunt is approved as a whole").isFalse();
	}

	@Test
	void shouldQueueEverythingWhenApprovalIsSwitchedOff() {
		assertThat(service(false).needsApproval(TaskType.FILE_COLLECT, "analyst")).isFalse();
	}

}
