package io.iterdef.agent.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the end-to-end ITs: one {@link E2eRun} (server, streams app, agents A and B) per test class, killed
 * after the class; a failed test prints the tails of every process's log.
 */
@ExtendWith({ StackExtension.class, EndToEndSupport.PrintLogsOnFailure.class })
abstract class EndToEndSupport {

	static E2eRun run;

	@BeforeAll
	static void startRun(Stack stack) {
		E2eRun starting = new E2eRun(stack);
		try {
			run = starting.start();
		}
		catch (RuntimeException | Error ex) {
			System.err.println("e2e run " + starting.id + " did not start; the logs:" + starting.tails(60));
			starting.close();
			throw ex;
		}
	}

	@AfterAll
	static void stopRun() {
		if (run != null) {
			run.close();
			run = null;
		}
	}

	static ConditionFactory within(int seconds) {
		return await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(250));
	}

	/** An analyst's task as {@code actor} (also the body's requestedBy, which the first server slice reads). */
	static ServerApi.Response createTask(String actor, String agentId, String type, Map<String, Object> params,
			Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>();
		body.put("agentId", agentId);
		body.put("type", type);
		body.put("params", params);
		body.put("requestedBy", actor);
		body.put("source", "analyst");
		body.putAll(extra);
		return run.api.adminPost("/admin/v1/tasks", actor, body);
	}

	/** Creates the task and answers its id; fails unless 201. */
	static String task(String actor, String agentId, String type, Map<String, Object> params, Map<String, Object> extra) {
		ServerApi.Response created = createTask(actor, agentId, type, params, extra);
		assertThat(created.status()).as("POST /admin/v1/tasks: %s", created).isEqualTo(201);
		return created.json().path("taskId").asText();
	}

	static String awaitFinished(String taskId, int seconds) {
		within(seconds).until(() -> List.of("succeeded", "failed", "expired").contains(run.taskState(taskId)));
		return run.taskState(taskId);
	}

	/** A field of an ECS event, whether nested ({"process": {"pid": 1}}) or a dotted key ("process.pid"). */
	static JsonNode field(JsonNode event, String dotted) {
		if (event.has(dotted)) {
			return event.get(dotted);
		}
		JsonNode node = event;
		String[] parts = dotted.split("\\.");
		for (int i = 0; i < parts.length; i++) {
			if (node == null || !node.isObject()) {
				return null;
			}
			String rest = String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
			if (node.has(rest)) {
				return node.get(rest);
			}
			node = node.get(parts[i]);
		}
		return node;
	}

	static String text(JsonNode event, String dotted) {
		JsonNode value = field(event, dotted);
		return value == null || value.isNull() ? null : value.asText();
	}

	/** The JSON values on {@code topic} of this run for which {@code field} equals {@code value}. */
	static List<JsonNode> recordsWhere(String topic, String dotted, String value) {
		List<JsonNode> found = new ArrayList<>();
		run.kafka.read(run.topic(topic), r -> true).forEach(r -> {
			try {
				JsonNode json = ServerApi.JSON.readTree(r.value());
				if (value.equals(text(json, dotted))) {
					found.add(json);
				}
			}
			catch (java.io.IOException ex) {
				// not JSON: not ours
			}
		});
		return found;
	}

	static final class PrintLogsOnFailure implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (run != null) {
				System.err.println("e2e run " + run.id + ": " + context.getDisplayName() + " failed; process logs under "
						+ run.dir + ", their ends:" + run.tails(40));
			}
		}

	}

}
