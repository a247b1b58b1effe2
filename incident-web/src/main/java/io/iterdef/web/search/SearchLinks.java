package io.iterdef.web.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links to /search and /search/export carrying every part of a search, so each is a shareable URL. Values are
 * form-encoded (a '+' in a query becomes %2B, a space '+'), which the servlet container decodes back exactly.
 */
final class SearchLinks {

	private final Map<String, String> params = new LinkedHashMap<>();

	private SearchLinks() {
	}

	/** The parameters of a search: q, from, to, columns, sort. */
	static SearchLinks of(SearchQuery query) {
		return of(query.q(), query.range().fromText(), query.range().toText(), Columns.join(query.columns()), query.sort());
	}

	static SearchLinks of(String q, String from, String to, String columns, String sort) {
		SearchLinks links = new SearchLinks();
		links.params.put("q", q);
		links.params.put("from", from);
		links.params.put("to", to);
		links.params.put("columns", columns);
		links.params.put("sort", sort);
		return links;
	}

	SearchLinks with(String name, String value) {
		SearchLinks copy = new SearchLinks();
		copy.params.putAll(params);
		copy.params.put(name, value);
		return copy;
	}

	String search() {
		return url("/search");
	}

	String export(String format) {
		return with("format", format).url("/search/export");
	}

	String url(String path) {
		StringBuilder url = new StringBuilder(path);
		char separator = '?';
		for (Map.Entry<String, String> param : params.entrySet()) {
			if (param.getValue() == null || param.getValue().isEmpty()) {
				continue;
			}
			url.append(separator)
				.append(param.getKey())
				.append('=')
				.append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return url.toString();
	}

}
