package io.iterdef.agent.server.task;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskBudgetsTest {

	@Test
	void shouldGiveEveryAllowListedTypeAPositiveBudgetWithinItsTimeout() {
		for (TaskType type : TaskType.values()) {
			TaskLimits limits = TaskBudgets.of(type, 1000);
			assertThat(limits.timeoutMillis()).as(type.wireName()).isPositive();
			assertThat(limits.cpuMillis()).as(type.wireName()).isPositive().isLessThanOrEqualTo(limits.timeoutMillis());
			assertThat(limits.maxBytes()).as(type.wireName()).isPositive();
		}
	}

	@Test
	void shouldBoundAFileCollectionByTheUploadLimit() {
		assertThat(TaskBudgets.of(TaskType.FILE_COLLECT, 12345).maxBytes()).isEqualTo(12345);
	}

}
