package io.iterdef.web.search;

import java.time.Instant;

/** A saved search: a name for the parameters of a /search URL, the owner's or shared with everyone. */
public record SavedSearch(long id, String name, String owner, String q, String from, String to, String columns,
		String sort, boolean shared, Instant createdAt) {

	/** The /search URL that runs it. */
	public String url() {
		return SearchLinks.of(q, from, to, columns, sort).search();
	}

}
