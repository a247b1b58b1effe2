package io.iterdef.web.search;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The event search page (any signed-in user): a Lucene query and a time range, the histogram, the field
 * sidebar and a page of results. Every part of the search is in the URL (q, from, to, columns, sort; after or
 * before for the page), so the URL is the shareable link. Paging: "next" carries the last row's sort values
 * (search_after), "previous" the first row's, searched in reverse order and put back ({@link EventSearch}).
 */
@Controller
class SearchController {

	static final String VIEW_SEARCH = "search/search";

	private final EventSearch search;

	private final SavedSearchRepository saved;

	private final ObjectMapper json;

	SearchController(EventSearch search, SavedSearchRepository saved, ObjectMapper json) {
		this.search = search;
		this.saved = saved;
		this.json = json;
	}

	@GetMapping("/search")
	String showSearch(@RequestParam(required = false) String q, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String columns,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, @RequestParam(required = false) String size, Model model,
			Principal user) {
		Instant now = Instant.now();
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("from", from == null || from.isBlank() ? TimeRange.DEFAULT_FROM : from);
		model.addAttribute("to", to == null || to.isBlank() ? TimeRange.DEFAULT_TO : to);
		model.addAttribute("columnsText", columns == null || columns.isBlank() ? Columns.join(Columns.DEFAULT) : columns);
		model.addAttribute("sort", "asc".equals(sort) ? "asc" : "desc");
		model.addAttribute("commonFields", SidebarFields.AGGREGATABLE.stream().sorted().toList());
		model.addAttribute("saved", saved.visibleTo(user.getName()));
		model.addAttribute("me", user.getName());
		model.addAttribute("exportMax", search.limits().exportMaxRows());
		SearchQuery query;
		try {
			query = SearchQuery.parse(q, from, to, columns, sort, now);
			model.addAttribute("query", query);
			model.addAttribute("columns", query.columns());
			model.addAttribute("range", query.range());
			SearchResult result = search.search(query, PageToken.decode(after), PageToken.decode(before), pageSize(size),
					SidebarFields.forColumns(query.columns()));
			addResult(model, query, result, size == null || size.isBlank() ? null : String.valueOf(pageSize(size)));
		}
		catch (InvalidSearchException | SearchFailedException ex) {
			model.addAttribute("error", ex.getMessage());
			if (ex instanceof SearchFailedException failed && failed.kind() == SearchFailedException.Kind.NO_EVENTS) {
				model.addAttribute("noEvents", true);
			}
		}
		return VIEW_SEARCH;
	}

	private void addResult(Model model, SearchQuery query, SearchResult result, String size) {
		// the page size stays on the paging and sorting links (the others start again at the default)
		SearchLinks links = SearchLinks.of(query).with("size", size);
		model.addAttribute("result", result);
		model.addAttribute("total", SearchView.total(result));
		model.addAttribute("rows", SearchView.rows(result, query.columns()));
		model.addAttribute("sidebar", SearchView.sidebar(result, query));
		model.addAttribute("presets", SearchView.presets(query));
		model.addAttribute("interval", result.histogram().interval().expression());
		model.addAttribute("barsJson", scriptSafe(json.writeValueAsString(SearchView.bars(result, query))));
		model.addAttribute("nextUrl", result.next() == null ? null : links.with("after", result.next().encode()).search());
		model.addAttribute("previousUrl",
				result.previous() == null ? null : links.with("before", result.previous().encode()).search());
		model.addAttribute("sortUrl", links.with("sort", query.ascending() ? "desc" : "asc").search());
		model.addAttribute("csvUrl", links.export("csv"));
		model.addAttribute("ndjsonUrl", links.export("ndjson"));
		model.addAttribute("exportTruncated", result.total() > search.limits().exportMaxRows());
	}

	/**
	 * The same search as JSON, for scripts and tools (a session like the page; GET only): the page of events with
	 * their whole source, the total, the page tokens, the histogram and the top values. A bad query or time is
	 * 400, a missing events index 404, an unreachable Elasticsearch 503, each as {"error": "..."}.
	 */
	@GetMapping(path = "/search/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> searchData(@RequestParam(required = false) String q,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String columns, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before,
			@RequestParam(required = false) String size) {
		try {
			SearchQuery query = SearchQuery.parse(q, from, to, columns, sort, Instant.now());
			SearchResult result = search.search(query, PageToken.decode(after), PageToken.decode(before), pageSize(size),
					SidebarFields.forColumns(query.columns()));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("from", query.range().from().toString());
			body.put("to", query.range().to().toString());
			body.put("total", result.total());
			body.put("totalIsLowerBound", result.totalIsLowerBound());
			body.put("partial", result.partial());
			body.put("next", result.next() == null ? null : result.next().encode());
			body.put("previous", result.previous() == null ? null : result.previous().encode());
			body.put("interval", result.histogram().interval().expression());
			body.put("histogram", result.histogram().buckets());
			body.put("topValues", result.topValues());
			body.put("hits", result.hits().stream().map(h -> Map.of("index", h.index(), "id", h.id(), "source", h.source() == null ? Map.of() : h.source())).toList());
			return ResponseEntity.ok(body);
		}
		catch (InvalidSearchException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
		}
		catch (SearchFailedException ex) {
			return ResponseEntity.status(ex.status()).body(Map.of("error", ex.getMessage()));
		}
	}

	private int pageSize(String size) {
		if (size == null || size.isBlank()) {
			return search.limits().pageSize();
		}
		try {
			int n = Integer.parseInt(size.strip());
			if (n >= 1 && n <= search.limits().maxPageSize()) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new InvalidSearchException("Page size must be a number from 1 to " + search.limits().maxPageSize() + ".");
	}

	/** JSON for an inline script: no {@code < > &} left, so no {@code </script>} can end the script early. */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
