package io.iterdef.web.search;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import io.iterdef.web.es.EsProperties;

/** Turns what the Elasticsearch client throws into messages a user can act on (never a stack trace). */
final class SearchErrors {

	static final int MAX_REASON = 400;

	private SearchErrors() {
	}

	static SearchFailedException translate(ElasticsearchException ex, String q, EsProperties es) {
		ErrorCause error = ex.error();
		String type = error == null ? "" : String.valueOf(error.type());
		if (ex.status() == 404 || type.equals("index_not_found_exception")) {
			return new SearchFailedException(SearchFailedException.Kind.NO_EVENTS, "No events indexed yet: no index matches "
					+ es.eventsIndex() + " in Elasticsearch at " + es.url() + ". Events appear once the indexer has written some.");
		}
		if (ex.status() == 400) {
			return new SearchFailedException(SearchFailedException.Kind.BAD_QUERY,
					"Elasticsearch could not parse the query: " + reason(error) + " (query: " + q + ")");
		}
		return new SearchFailedException(SearchFailedException.Kind.UNAVAILABLE,
				"Elasticsearch at " + es.url() + " could not run the search (status " + ex.status() + "): " + reason(error));
	}

	static SearchFailedException translate(Exception ex, EsProperties es) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
				return new SearchFailedException(SearchFailedException.Kind.UNAVAILABLE,
						"Elasticsearch at " + es.url() + " is not reachable; start it or set ITERDEF_ES_URL.");
			}
		}
		return new SearchFailedException(SearchFailedException.Kind.UNAVAILABLE,
				"Elasticsearch at " + es.url() + " failed: " + shorten(String.valueOf(ex.getMessage())));
	}

	/** Whether a shard's failure is about the query itself (its syntax, or a value that does not fit a field). */
	static boolean isBadQuery(ErrorCause cause) {
		for (ErrorCause c = cause; c != null; c = c.causedBy()) {
			String type = String.valueOf(c.type());
			if (type.equals("query_shard_exception") || type.equals("parse_exception")
					|| type.equals("search_parse_exception") || type.equals("number_format_exception")
					|| type.equals("illegal_argument_exception")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The most telling reason: the deepest caused_by of the first root cause (for a bad query string that is the
	 * parser's "Cannot parse '...': Encountered ..."), with the root cause's own reason before it.
	 */
	static String reason(ErrorCause error) {
		if (error == null) {
			return "no reason given";
		}
		ErrorCause root = error.rootCause().isEmpty() ? error : error.rootCause().get(0);
		ErrorCause deepest = root;
		ErrorCause top = error;
		while (top.causedBy() != null) {
			top = top.causedBy();
		}
		while (deepest.causedBy() != null) {
			deepest = deepest.causedBy();
		}
		if (deepest == root && top != error) {
			deepest = top;
		}
		String text = String.valueOf(root.reason());
		if (deepest != root && deepest.reason() != null && !deepest.reason().equals(root.reason())) {
			text = text + ": " + deepest.reason();
		}
		return shorten(text);
	}

	private static String shorten(String text) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		// the parser's list of every token it would have taken helps nobody
		int expecting = oneLine.indexOf(" Was expecting");
		if (expecting > 0) {
			oneLine = oneLine.substring(0, expecting);
		}
		return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) + "…" : oneLine;
	}

}
