package io.iterdef.agent.server.task;

import java.util.UUID;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.server.agent.Agent;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@value AgentApi#RESULT}: 204 once stored and published (again 204 for a repeat). */
@RestController
class ResultController {

	private final ResultService results;

	ResultController(ResultService results) {
		this.results = results;
	}

	@PostMapping(AgentApi.RESULT)
	ResponseEntity<Void> result(@PathVariable UUID taskId, @RequestBody TaskResult result, HttpServletRequest http) {
		results.accept(Agent.of(http), taskId, result);
		return ResponseEntity.noContent().build();
	}

}
