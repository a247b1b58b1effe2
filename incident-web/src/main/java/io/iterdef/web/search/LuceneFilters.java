package io.iterdef.web.search;

import java.util.regex.Pattern;

/**
 * Builds the query of the field sidebar's "filter in" / "filter out" links: the current query AND (NOT) a
 * field:"value" phrase. The value is quoted with its quotes and backslashes escaped, the field name has Lucene's
 * special characters escaped, and a query with OR is put in parentheses so the filter applies to all of it.
 */
public final class LuceneFilters {

	private static final Pattern OR = Pattern.compile("(^|\\s|\\))(OR|\\|\\|)(\\s|\\(|$)");

	private static final String SPECIAL = "+-=&|><!(){}[]^\"~*?:\\/ ";

	private LuceneFilters() {
	}

	public static String filterIn(String query, String field, String value) {
		return and(query, term(field, value));
	}

	public static String filterOut(String query, String field, String value) {
		return and(query, "NOT " + term(field, value));
	}

	static String term(String field, String value) {
		return escapeField(field) + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static String escapeField(String field) {
		StringBuilder out = new StringBuilder(field.length());
		for (char c : field.toCharArray()) {
			if (SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	private static String and(String query, String clause) {
		if (query == null || query.isBlank()) {
			return clause;
		}
		String q = query.strip();
		if (OR.matcher(q).find()) {
			q = "(" + q + ")";
		}
		return q + " AND " + clause;
	}

}
