package io.iterdef.agent.server.agent;

import java.util.List;
import java.util.UUID;

import io.iterdef.agent.server.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's agents (admin token): the list, and revoking one (its credential is refused from now on, and its
 * host may enroll again).
 */
@RestController
class AgentAdminController {

	private static final Logger log = LoggerFactory.getLogger(AgentAdminController.class);

	private final AgentRepository agents;

	AgentAdminController(AgentRepository agents) {
		this.agents = agents;
	}

	@GetMapping("/admin/v1/agents")
	List<AgentView> list() {
		return agents.list();
	}

	@PostMapping("/admin/v1/agents/{agentId}/revoke")
	ResponseEntity<Void> revoke(@PathVariable UUID agentId,
			@RequestHeader(name = AdminActor.HEADER, required = false) String actorHeader) {
		String actor = AdminActor.require(actorHeader);
		if (!agents.revoke(agentId)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "no agent " + agentId, "list the agents for their ids");
		}
		log.info("agent {} revoked by {}", agentId, actor);
		return ResponseEntity.noContent().build();
	}

}
