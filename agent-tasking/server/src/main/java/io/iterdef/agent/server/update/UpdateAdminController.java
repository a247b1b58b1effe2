package io.iterdef.agent.server.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.server.system.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The update flow of the admin API (admin token, like the rest of /admin): {@code POST /admin/v1/updates}
 * {@code {agentId, version, reason?}} with {@code X-Iterdef-Actor} queues an agent.update of a package the server
 * holds (its .jar and .jar.sig), naming the package's SHA-256 in the task so the agent checks exactly these bytes
 * (and the release signature with its own key). 201 {@code {taskId, state, version, sha256}}.
 */
@RestController
class UpdateAdminController {

	static final String ACTOR_HEADER = "X-Iterdef-Actor";

	private final UpdatePackages packages;

	private final UpdateTasks tasks;

	UpdateAdminController(UpdatePackages packages, UpdateTasks tasks) {
		this.packages = packages;
		this.tasks = tasks;
	}

	record UpdateRequest(String agentId, String version, String reason) {
	}

	@PostMapping("/admin/v1/updates")
	ResponseEntity<Map<String, Object>> update(@RequestHeader(name = ACTOR_HEADER, required = false) String actor,
			@RequestBody UpdateRequest request) throws IOException {
		if (actor == null || actor.isBlank() || actor.length() > 200) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "missing " + ACTOR_HEADER,
					"send " + ACTOR_HEADER + ": <user name> of the person asking for the update");
		}
		UUID agentId = agentId(request.agentId());
		if (!tasks.agentActive(agentId)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "no enrolled agent " + agentId,
					"update an agent that is enrolled and not revoked (GET /admin/v1/agents)");
		}
		Path jar = packages.jar(request.version()).orElseThrow(() -> missing(request.version(), ".jar"));
		packages.signature(request.version()).orElseThrow(() -> missing(request.version(), ".jar.sig"));
		String sha256 = UpdatePackages.sha256(jar);
		String reason = request.reason() == null || request.reason().isBlank() ? "agent update to " + request.version()
				: request.reason().strip();
		UUID taskId = tasks.queue(agentId, request.version(), sha256, Math.max(1, Files.size(jar)), actor.strip(),
				reason.length() > 2000 ? reason.substring(0, 2000) : reason);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("taskId", taskId.toString());
		body.put("state", "queued");
		body.put("version", request.version());
		body.put("sha256", sha256);
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	private static UUID agentId(String text) {
		try {
			return UUID.fromString(String.valueOf(text));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "agentId is not an agent id: " + text,
					"use the id of GET /admin/v1/agents");
		}
	}

	private ApiException missing(String version, String suffix) {
		return new ApiException(HttpStatus.NOT_FOUND, "no update package " + version + " on this server",
				"put " + version + suffix + " (made by ReleaseSigner sign) into " + packages.dir());
	}

}
