package io.iterdef.web.hosts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pivot links, for the templates (the model attribute {@code pivots}, from {@link PivotsAdvice}): from a value to the same value on other
 * hosts (the search page, {@code /search?q=...&from=now-7d&to=now}), and from a host and a moment to its
 * timeline. The value goes into a quoted Lucene phrase (quotes and backslashes escaped, so a command line full
 * of them stays one value) and the whole query is URL-encoded.
 */
public final class Pivots {

	/** How far back a pivot searches. */
	static final String PIVOT_FROM = "now-7d";

	/** Fields whose values are worth looking for on other hosts (the host view links them). */
	private static final Set<String> PIVOT_FIELDS = Set.of("user.name", "process.command_line",
			"process.parent.command_line", "process.executable", "process.parent.executable", "source.ip",
			"destination.ip", "host.ip", "file.path", "registry.path", "dns.question.name", "dll.path");

	private static final Pattern HASH_FIELD = Pattern
		.compile("(process|file|process\\.parent|dll)\\.hash\\.(sha256|sha1|md5)|(process|dll)\\.pe\\.imphash");

	/** Whether the host view offers "on other hosts" for this field. */
	public boolean isPivotField(String field) {
		return field != null && (PIVOT_FIELDS.contains(field) || HASH_FIELD.matcher(field).matches());
	}

	/** The search for {@code field:"value"} on hosts other than {@code host} (all hosts when host is null). */
	public String search(String field, String value, String host) {
		return searchUrl(phrase(field, value), host);
	}

	/**
	 * The pivot of an incident's observable: its type (user, ip, hash, ...), the ECS fields it was seen in
	 * (comma-separated, as the observables table lists them) and its value; a user is {@code DOMAIN\name}, searched
	 * as user.domain and user.name. Null for a host observable (the other hosts of a host name are none).
	 */
	public String observable(String type, String fields, String value, String host) {
		if ("host".equals(type) || value == null || value.isEmpty()) {
			return null;
		}
		if ("user".equals(type)) {
			int slash = value.indexOf('\\');
			String query = slash < 0 ? phrase("user.name", value)
					: "(" + phrase("user.domain", value.substring(0, slash)) + " AND "
							+ phrase("user.name", value.substring(slash + 1)) + ")";
			return searchUrl(query, host);
		}
		List<String> names = new ArrayList<>();
		for (String f : (fields == null ? "" : fields).split(",")) {
			if (!f.isBlank()) {
				names.add(f.trim());
			}
		}
		if (names.isEmpty()) {
			return null;
		}
		List<String> phrases = names.stream().map(f -> phrase(f, value)).toList();
		String query = phrases.size() == 1 ? phrases.get(0) : "(" + String.join(" OR ", phrases) + ")";
		return searchUrl(query, host);
	}

	/** The host's timeline around a moment, {@code /hosts/{host}?at=...&minutes=...}. */
	public String timeline(String host, Instant at, int minutes) {
		return "/hosts/" + encode(host) + "?at=" + encode(at.toString()) + "&minutes=" + minutes;
	}

	/** The search page for one host's events in [from, to]. */
	public String hostSearch(String host, Instant from, Instant to) {
		return "/search?q=" + encode(phrase("host.name", host)) + "&from=" + encode(from.toString()) + "&to="
				+ encode(to.toString());
	}

	/** {@code field:"value"} with the value escaped for a quoted Lucene phrase. */
	static String phrase(String field, String value) {
		return field + ":\"" + escape(value) + "\"";
	}

	/** Backslashes and double quotes escaped: the only characters special inside a Lucene phrase. */
	static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String searchUrl(String query, String host) {
		String q = host == null || host.isBlank() ? query : query + " AND NOT " + phrase("host.name", host);
		return "/search?q=" + encode(q) + "&from=" + PIVOT_FROM + "&to=now";
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
