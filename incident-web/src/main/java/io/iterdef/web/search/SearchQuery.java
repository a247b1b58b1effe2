package io.iterdef.web.search;

import java.time.Instant;
import java.util.List;

/**
 * What the user searches: a Lucene query string over the events (blank: all), a time range on @timestamp, the
 * columns to show and the time order. Built from the URL parameters of /search and /search/export, which
 * carry every part of it, so the URL of a search is its shareable link.
 *
 * @param q the query string as typed ("" for all events)
 * @param range the time range (From included, To excluded)
 * @param columns the fields shown as columns
 * @param ascending oldest first when true; newest first (the default) when false
 */
public record SearchQuery(String q, TimeRange range, List<String> columns, boolean ascending) {

	/** Longer query strings are refused: a pasted log is not a query. */
	public static final int MAX_QUERY_LENGTH = 4000;

	public SearchQuery {
		q = q == null ? "" : q.strip();
		if (q.length() > MAX_QUERY_LENGTH) {
			throw new InvalidSearchException("The query is longer than " + MAX_QUERY_LENGTH + " characters: shorten it.");
		}
		columns = List.copyOf(columns);
	}

	/** Parses the URL parameters; blank ones take the defaults (all events of the last 24 hours, newest first). */
	public static SearchQuery parse(String q, String from, String to, String columns, String sort, Instant now) {
		return new SearchQuery(q, TimeRange.parse(from, to, now), Columns.parse(columns), ascending(sort));
	}

	static boolean ascending(String sort) {
		if (sort == null || sort.isBlank() || sort.equals("desc")) {
			return false;
		}
		if (sort.equals("asc")) {
			return true;
		}
		throw new InvalidSearchException("Sort must be asc (oldest first) or desc (newest first).");
	}

	public String sort() {
		return ascending ? "asc" : "desc";
	}

}
