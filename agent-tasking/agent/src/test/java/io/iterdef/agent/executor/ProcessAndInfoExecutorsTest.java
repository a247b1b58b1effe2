package io.iterdef.agent.executor;

import static io.iterdef.agent.executor.Contexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcessAndInfoExecutorsTest {

	@Test
	@SuppressWarnings("unchecked")
	void shouldListThisJvmWithItsParentAndExecutable() {
		Map<String, Object> data = new ProcessListExecutor().execute(context(Map.of(), 10_000_000));

		List<Map<String, Object>> processes = (List<Map<String, Object>>) data.get("processes");
		ProcessHandle self = ProcessHandle.current();
		Map<String, Object> me = processes.stream()
			.filter(p -> p.get("pid").equals(self.pid()))
			.findFirst()
			.orElseThrow();
		assertThat(me).containsEntry("ppid", self.parent().orElseThrow().pid()).containsKeys("start", "user");
		assertThat((String) me.get("executable")).contains("java");
		assertThat(processes.size()).isGreaterThan(1).isEqualTo(data.get("count"));
	}

	@Test
	void shouldFailWhenTheProcessListIsOverTheByteBudget() {
		assertThatThrownBy(() -> new ProcessListExecutor().execute(context(Map.of(), 100)))
			.hasMessageContaining("byte budget of 100 bytes spent");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldTellTheHostAndTheTypesItRuns() {
		Map<String, Object> data = new AgentInfoExecutor(Map.of("site", "fra")).execute(context(Map.of(), 100_000));

		assertThat(data).containsEntry("labels", Map.of("site", "fra"))
			.containsEntry("pid", ProcessHandle.current().pid())
			.containsKeys("hostname", "os", "osVersion", "agentVersion", "ips");
		assertThat((List<String>) data.get("taskTypes")).contains("file.hash", "net.connections", "memory.scan",
				"eventlog.query", "agent.update");
	}

}
