package io.iterdef.agent.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentApiTest {

	@Test
	void shouldFillPathPlaceholdersInOrder() {
		assertThat(AgentApi.path(AgentApi.UPLOAD_CHUNK, "u-1", 3)).isEqualTo("/agent/v1/uploads/u-1/chunks/3");
	}

	@Test
	void shouldRefuseMissingOrExtraValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentApi.path(AgentApi.UPLOAD_CHUNK, "u-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> AgentApi.path(AgentApi.POLL, "x"));
	}

	@Test
	void shouldKnowOnlyTheAllowListedTaskTypes() {
		assertThat(TaskType.parse("file.hash")).contains(TaskType.FILE_HASH);
		assertThat(TaskType.parse("shell.exec")).isEmpty();
		assertThat(TaskType.parse("FILE.HASH")).isEmpty();
	}

	@Test
	void shouldNeedApprovalForTheRiskyTypesAndKeepThemFromRules() {
		assertThat(TaskType.values()).filteredOn(TaskType::needsApproval)
			.containsExactlyInAnyOrder(TaskType.FILE_COLLECT, TaskType.EVENTLOG_QUERY, TaskType.MEMORY_SCAN);
		assertThat(TaskType.values()).filteredOn(TaskType::ruleMayRequest)
			.doesNotContain(TaskType.FILE_COLLECT, TaskType.EVENTLOG_QUERY, TaskType.MEMORY_SCAN, TaskType.AGENT_UPDATE);
	}

	@Test
	void shouldKeepNullValuesInParametersAndResults() {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("path", null);
		assertThat(new TaskAssignment("t1", "file.stat", params, 0, new TaskLimits(1, 1, 1)).params())
			.containsEntry("path", null);
		assertThat(new TaskResult(TaskResult.SUCCEEDED, null, params, null).data()).containsEntry("path", null);
	}

}
