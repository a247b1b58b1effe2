package io.iterdef.agent.server.hunt;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.server.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hunts through the admin API: creation (allow-listed types but agent.update, bounded parameters, rate, client
 * limit and expiry; awaiting approval when the type needs a second person and approvals are on), reading, pause,
 * resume, cancel, and approval by a second person.
 */
@Service
class HuntService {

	private static final Logger log = LoggerFactory.getLogger(HuntService.class);

	static final int MAX_HOSTS = 1000;

	static final int MAX_PARAMS_CHARS = 16 * 1024;

	static final int MAX_TEXT_CHARS = 2000;

	static final Duration MAX_EXPIRY = Duration.ofDays(7);

	private final HuntRepository hunts;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final boolean approvalRequired;

	HuntService(HuntRepository hunts, JsonMapper json, PlatformTransactionManager transactions,
			@Value("${iterdef.agent.approval-required:true}") boolean approvalRequired) {
		this.hunts = hunts;
		this.json = json;
		this.tx = new TransactionTemplate(transactions);
		this.approvalRequired = approvalRequired;
	}

	/** Stores a new hunt; running at once, or awaiting approval. */
	Created create(HuntRequest r, String actor) {
		if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
			throw bad("the hunt needs a name of 1 to 200 characters", "name it after what it looks for");
		}
		TaskType type = type(r.type());
		TargetCriteria target = TargetCriteria.of(r.targetLabels(), r.targetOs(), r.targetSeenWithinSeconds());
		range("ratePerMinute", r.ratePerMinute(), 1, 100_000, "agents started per minute");
		range("clientLimit", r.clientLimit(), 1, 1_000_000, "the most agents the hunt runs on");
		range("expiresInSeconds", r.expiresInSeconds(), 1, MAX_EXPIRY.toSeconds(), "seconds until the hunt ends");
		String params = json.writeValueAsString(r.params() == null ? Map.of() : r.params());
		if (params.length() > MAX_PARAMS_CHARS) {
			throw bad("parameters too large", "at most " + MAX_PARAMS_CHARS + " characters of JSON");
		}
		if (r.reason() != null && r.reason().length() > MAX_TEXT_CHARS) {
			throw bad("the reason is longer than " + MAX_TEXT_CHARS + " characters", "shorten it");
		}
		String state = approvalRequired && type.needsApproval() ? "awaiting_approval" : "running";
		UUID id = UUID.randomUUID();
		hunts.insert(id, r, target, params, state, actor);
		log.info("hunt {} ({}, {}) created by {}: {}", id, r.name(), type.wireName(), actor, state);
		return new Created(id, state);
	}

	HuntDetails get(UUID id) {
		Hunt hunt = find(id);
		List<HostStatus> hosts = hunts.hosts(id, MAX_HOSTS + 1);
		boolean truncated = hosts.size() > MAX_HOSTS;
		return HuntDetails.of(hunt, hunts.counts(id), truncated ? hosts.subList(0, MAX_HOSTS) : hosts, truncated);
	}

	HuntDetails pause(UUID id, String actor) {
		move(id, List.of("running"), "paused", actor, "only a running hunt can be paused");
		return get(id);
	}

	HuntDetails resume(UUID id, String actor) {
		move(id, List.of("paused"), "running", actor, "only a paused hunt can be resumed");
		return get(id);
	}

	/** Cancels the hunt and its tasks no agent has taken yet (tasks already running finish). */
	HuntDetails cancel(UUID id, String actor) {
		tx.executeWithoutResult(status -> {
			move(id, List.of("awaiting_approval", "running", "paused"), "cancelled", actor,
					"a hunt that has ended cannot be cancelled");
			int tasks = hunts.cancelWaitingTasks(id);
			log.info("hunt {}: {} waiting tasks cancelled", id, tasks);
		});
		return get(id);
	}

	HuntDetails approve(UUID id, String actor, String note) {
		decide(id, "running", actor, note);
		return get(id);
	}

	HuntDetails deny(UUID id, String actor, String note) {
		decide(id, "denied", actor, note);
		return get(id);
	}

	private void decide(UUID id, String to, String actor, String note) {
		if (note != null && note.length() > MAX_TEXT_CHARS) {
			throw bad("the note is longer than " + MAX_TEXT_CHARS + " characters", "shorten it");
		}
		Hunt hunt = find(id);
		if (!hunt.state().equals("awaiting_approval")) {
			throw new ApiException(HttpStatus.CONFLICT, "hunt " + id + " is " + hunt.state() + ", not awaiting approval",
					"only a hunt awaiting approval can be approved or denied");
		}
		if (hunt.requestedBy().equals(actor)) {
			throw new ApiException(HttpStatus.CONFLICT,
					"a second person must approve: " + actor + " asked for this hunt",
					"ask another user to approve or deny it; you can cancel it");
		}
		if (!hunts.decide(id, to, actor, note)) {
			throw new ApiException(HttpStatus.CONFLICT, "hunt " + id + " is not awaiting approval any more",
					"reload it: someone else decided or cancelled it");
		}
		log.info("hunt {}: {} by {}", id, to.equals("running") ? "approved" : "denied", actor);
	}

	private void move(UUID id, List<String> from, String to, String actor, String hint) {
		if (!hunts.transition(id, from, to)) {
			String state = find(id).state();
			throw new ApiException(HttpStatus.CONFLICT, "hunt " + id + " is " + state, hint);
		}
		log.info("hunt {}: {} by {}", id, to, actor);
	}

	private Hunt find(UUID id) {
		return hunts.find(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no hunt " + id,
					"use the huntId the server gave when it was created"));
	}

	private static TaskType type(String wireName) {
		TaskType type = TaskType.parse(wireName)
			.orElseThrow(() -> bad("task type '" + wireName + "' is not on the allow-list", "use one of "
					+ Arrays.stream(TaskType.values()).map(TaskType::wireName).collect(Collectors.joining(", "))));
		if (type == TaskType.AGENT_UPDATE) {
			throw bad("agent.update cannot be hunted", "agents are updated only through the update flow");
		}
		return type;
	}

	private static void range(String name, Number value, long min, long max, String what) {
		if (value == null || value.longValue() < min || value.longValue() > max) {
			throw bad(name + " " + value + " is missing or out of range", "give " + what + ", " + min + " to " + max);
		}
	}

	private static ApiException bad(String error, String hint) {
		return new ApiException(HttpStatus.BAD_REQUEST, error, hint);
	}

	/** The answer to a creation. */
	record Created(UUID huntId, String state) {
	}

}
