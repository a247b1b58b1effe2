package io.iterdef.web.hosts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.iterdef.web.hosts.HostAlertRepository.HostAlert;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The host view (any signed-in user): one host's events around a moment, grouped into its process tree (or flat,
 * in time order), with that host's alerts in the window on top and the events they matched marked.
 */
@Controller
class HostController {

	static final String VIEW_HOST = "hosts/hostTimeline";

	static final String VIEW_HOST_ERROR = "hosts/hostError";

	private final HostEventSearch search;

	private final HostAlertRepository alerts;

	private final Pivots pivots = new Pivots();

	HostController(HostEventSearch search, HostAlertRepository alerts) {
		this.search = search;
		this.alerts = alerts;
	}

	@GetMapping("/hosts/{hostName}")
	String showHost(@PathVariable String hostName, @RequestParam(required = false) String at,
			@RequestParam(required = false) String minutes, @RequestParam(required = false) String view, Model model) {
		HostWindow window = HostWindow.parse(hostName, at, minutes, Instant.now());
		boolean flat = "flat".equals(view);
		HostEventSearch.Result result = search.find(window);
		List<HostAlert> found = alerts.find(window.host(), window.from(), window.to());
		boolean alertsCapped = found.size() > HostAlertRepository.MAX_ALERTS;
		List<HostAlert> shown = alertsCapped ? found.subList(0, HostAlertRepository.MAX_ALERTS) : found;
		Map<String, List<HostAlert>> marks = new LinkedHashMap<>();
		for (HostAlert alert : shown) {
			for (String eventId : alert.eventIds()) {
				marks.computeIfAbsent(eventId, id -> new ArrayList<>()).add(alert);
			}
		}
		model.addAttribute("window", window);
		model.addAttribute("from", window.from());
		model.addAttribute("to", window.to());
		model.addAttribute("view", flat ? "flat" : "tree");
		model.addAttribute("events", result.events());
		model.addAttribute("total", result.total());
		model.addAttribute("capped", result.capped());
		model.addAttribute("timedOut", result.timedOut());
		model.addAttribute("maxEvents", HostEventSearch.MAX_EVENTS);
		model.addAttribute("tree", ProcessTree.build(result.events()));
		model.addAttribute("alerts", shown);
		model.addAttribute("alertsCapped", alertsCapped);
		model.addAttribute("marks", marks);
		model.addAttribute("earlierUrl", link(window.earlier(), view));
		model.addAttribute("laterUrl", link(window.later(), view));
		model.addAttribute("treeUrl", link(window, "tree"));
		model.addAttribute("flatUrl", link(window, "flat"));
		Map<Integer, String> presets = new LinkedHashMap<>();
		for (int n : HostWindow.PRESETS) {
			presets.put(n, link(window.withMinutes(n), view));
		}
		model.addAttribute("presets", presets);
		model.addAttribute("widerUrl", window.minutes() < HostWindow.MAX_MINUTES
				? link(window.withMinutes(Math.min(HostWindow.MAX_MINUTES, window.minutes() * 4)), view) : null);
		model.addAttribute("searchUrl", pivots.hostSearch(window.host(), window.from(), window.to()));
		return VIEW_HOST;
	}

	private String link(HostWindow window, String view) {
		String url = pivots.timeline(window.host(), window.at(), window.minutes());
		return "flat".equals(view) ? url + "&view=flat" : url;
	}

	@ExceptionHandler(HostWindow.InvalidWindowException.class)
	String invalidWindow(HostWindow.InvalidWindowException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("title", "This host view cannot be shown");
		model.addAttribute("message", ex.getMessage());
		return VIEW_HOST_ERROR;
	}

	@ExceptionHandler(HostEventSearch.UnavailableException.class)
	String elasticsearchUnavailable(HostEventSearch.UnavailableException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		model.addAttribute("title", "The host's events cannot be read");
		model.addAttribute("message", ex.getMessage());
		return VIEW_HOST_ERROR;
	}

}
