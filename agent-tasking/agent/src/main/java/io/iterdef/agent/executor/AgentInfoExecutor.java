package io.iterdef.agent.executor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.protocol.HostFacts;
import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;

/** agent.info: the host's facts, the agent's version and runtime, and the task types it runs. */
final class AgentInfoExecutor implements TaskExecutor {

	private final Map<String, String> labels;

	AgentInfoExecutor(Map<String, String> labels) {
		this.labels = labels;
	}

	@Override
	public Map<String, Object> execute(TaskContext context) {
		HostFacts facts = HostFactsCollector.collect(labels);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("hostname", facts.hostname());
		data.put("os", facts.os());
		data.put("osVersion", facts.osVersion());
		data.put("agentVersion", facts.agentVersion());
		data.put("ips", facts.ips());
		data.put("labels", facts.labels());
		data.put("javaVersion", System.getProperty("java.version"));
		data.put("pid", ProcessHandle.current().pid());
		data.put("taskTypes", List.copyOf(Executors.SUPPORTED.stream().map(TaskType::wireName).toList()));
		context.budget().consume(data.toString().length());
		return data;
	}

}
