package io.iterdef.web.search;

/**
 * Elasticsearch refused or could not answer a search. {@link Kind} says whose problem it is: a query the
 * user can fix (400), no events indexed yet (an empty result with a note), or the cluster itself (503).
 * The message is meant for the user: Elasticsearch's reason and what to do, never a stack trace.
 */
public class SearchFailedException extends RuntimeException {

	public enum Kind {
		/** The query string does not parse, or does not fit the fields (400). */
		BAD_QUERY,
		/** No index matches the events pattern yet. */
		NO_EVENTS,
		/** Elasticsearch is down, unreachable or failing (503). */
		UNAVAILABLE
	}

	private final Kind kind;

	public SearchFailedException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	/** The HTTP status a JSON or export endpoint answers with. */
	public int status() {
		return switch (kind) {
			case BAD_QUERY -> 400;
			case NO_EVENTS -> 404;
			case UNAVAILABLE -> 503;
		};
	}

}
