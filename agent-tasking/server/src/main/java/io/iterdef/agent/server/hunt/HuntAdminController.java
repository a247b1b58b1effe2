package io.iterdef.agent.server.hunt;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hunts on the admin API (admin token, see AdminTokenFilter). Every POST names the person acting in
 * X-Iterdef-Actor; the state changes answer the hunt as {@code GET} does.
 */
@RestController
class HuntAdminController {

	private static final String HUNT = "/admin/v1/hunts/{id}";

	private final HuntService hunts;

	HuntAdminController(HuntService hunts) {
		this.hunts = hunts;
	}

	@PostMapping("/admin/v1/hunts")
	@ResponseStatus(HttpStatus.CREATED)
	HuntService.Created create(@RequestBody HuntRequest request,
			@RequestHeader(name = Actor.HEADER, required = false) String actor) {
		return hunts.create(request, Actor.of(actor));
	}

	@GetMapping(HUNT)
	HuntDetails get(@PathVariable UUID id) {
		return hunts.get(id);
	}

	@PostMapping(HUNT + "/pause")
	HuntDetails pause(@PathVariable UUID id, @RequestHeader(name = Actor.HEADER, required = false) String actor) {
		return hunts.pause(id, Actor.of(actor));
	}

	@PostMapping(HUNT + "/resume")
	HuntDetails resume(@PathVariable UUID id, @RequestHeader(name = Actor.HEADER, required = false) String actor) {
		return hunts.resume(id, Actor.of(actor));
	}

	@PostMapping(HUNT + "/cancel")
	HuntDetails cancel(@PathVariable UUID id, @RequestHeader(name = Actor.HEADER, required = false) String actor) {
		return hunts.cancel(id, Actor.of(actor));
	}

	@PostMapping(HUNT + "/approve")
	HuntDetails approve(@PathVariable UUID id, @RequestBody(required = false) Decision decision,
			@RequestHeader(name = Actor.HEADER, required = false) String actor) {
		return hunts.approve(id, Actor.of(actor), Decision.note(decision));
	}

	@PostMapping(HUNT + "/deny")
	HuntDetails deny(@PathVariable UUID id, @RequestBody(required = false) Decision decision,
			@RequestHeader(name = Actor.HEADER, required = false) String actor) {
		return hunts.deny(id, Actor.of(actor), Decision.note(decision));
	}

	/** The body of approve and deny: an optional note. */
	record Decision(String note) {

		static String note(Decision decision) {
			return decision == null || decision.note() == null || decision.note().isBlank() ? null
					: decision.note().strip();
		}

	}

}
