package io.iterdef.web.search;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.iterdef.web.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving and deleting searches (form posts with CSRF, any signed-in user; only the owner deletes). Opening one
 * is just its /search URL. Both changes are audited ('search.save', 'search.delete').
 */
@Controller
class SavedSearchController {

	static final int MAX_NAME = 100;

	private final SavedSearchRepository saved;

	private final AuditLog audit;

	SavedSearchController(SavedSearchRepository saved, AuditLog audit) {
		this.saved = saved;
		this.audit = audit;
	}

	@PostMapping("/search/saved")
	@Transactional
	String save(@RequestParam(required = false) String name, @RequestParam(required = false) boolean shared,
			@RequestParam(required = false) String q, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String columns,
			@RequestParam(required = false) String sort, Principal user, RedirectAttributes redirect) {
		SearchQuery query;
		try {
			query = SearchQuery.parse(q, from, to, columns, sort, Instant.now());
		}
		catch (InvalidSearchException ex) {
			redirect.addFlashAttribute("flashError", "Not saved: " + ex.getMessage());
			return "redirect:/search";
		}
		String url = SearchLinks.of(query).search();
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			redirect.addFlashAttribute("flashError", "Not saved: give the search a name of 1 to " + MAX_NAME + " characters.");
			return "redirect:" + url;
		}
		try {
			long id = saved.insert(user.getName(), trimmed, query, shared);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("id", id);
			after.put("name", trimmed);
			after.put("url", url);
			after.put("shared", shared);
			audit.append(user.getName(), null, "search.save", null, after);
			redirect.addFlashAttribute("flash", "Saved search '" + trimmed + "'" + (shared ? ", shared with everyone." : "."));
		}
		catch (DuplicateKeyException ex) {
			redirect.addFlashAttribute("flashError",
					"You already have a saved search named '" + trimmed + "': choose another name or delete that one first.");
		}
		return "redirect:" + url;
	}

	@PostMapping("/search/saved/{id}/delete")
	@Transactional
	String delete(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		SavedSearch deleted = saved.deleteOwn(id, user.getName());
		if (deleted == null) {
			redirect.addFlashAttribute("flashError", "No saved search of yours with id " + id + ": only its owner can delete it.");
			return "redirect:/search";
		}
		audit.append(user.getName(), null, "search.delete", Map.of("id", id, "name", deleted.name(), "url", deleted.url()),
				null);
		redirect.addFlashAttribute("flash", "Deleted saved search '" + deleted.name() + "'.");
		return "redirect:" + deleted.url();
	}

}
