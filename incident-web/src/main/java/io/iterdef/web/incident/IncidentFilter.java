package io.iterdef.web.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The list page's filters and sort order as given in the URL query (so a filtered list can be shared).
 * Blank means "any". {@link IncidentQuery} turns it into SQL from a whitelist; values it does not know are
 * reported by {@link #problems()} and ignored.
 */
record IncidentFilter(String status, String severity, String assignee, String team, String rule, String host,
		String age, String sla, String sort, String dir) {

	static final List<String> STATUSES = List.of("open", "new", "acknowledged", "investigating", "resolved");

	static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

	static final List<String> AGES = List.of("1h", "24h", "7d", "older");

	static final List<String> SLA_STATES = List.of("ok", "warning", "breached", "paused");

	/** Sort keys, each mapped to a fixed SQL expression (never user input). */
	enum Sort {

		CREATED("i.created_at"), SEVERITY("CASE i.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 "
				+ "WHEN 'medium' THEN 2 ELSE 1 END"), STATUS("CASE i.status WHEN 'new' THEN 1 WHEN 'acknowledged' "
						+ "THEN 2 WHEN 'investigating' THEN 3 ELSE 4 END"), LAST_SEEN(
								"i.last_seen"), SLA("greatest(s.ack_ratio, s.resolve_ratio)");

		final String sql;

		Sort(String sql) {
			this.sql = sql;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Sort parse(String value) {
			for (Sort s : values()) {
				if (s.param().equalsIgnoreCase(value == null ? "" : value.trim())) {
					return s;
				}
			}
			return null;
		}

	}

	static IncidentFilter none() {
		return new IncidentFilter(null, null, null, null, null, null, null, null, null, null);
	}

	IncidentFilter {
		status = clean(status);
		severity = clean(severity);
		assignee = clean(assignee);
		team = clean(team);
		rule = clean(rule);
		host = clean(host);
		age = clean(age);
		sla = clean(sla);
		sort = clean(sort);
		dir = clean(dir);
	}

	public Sort sortKey() {
		Sort s = Sort.parse(sort);
		return s == null ? Sort.CREATED : s;
	}

	public boolean ascending() {
		return "asc".equalsIgnoreCase(dir);
	}

	/** What in the filter is not understood (and so ignored), for a message on the page. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		check(problems, "status", status, STATUSES);
		check(problems, "severity", severity, SEVERITIES);
		check(problems, "age", age, AGES);
		check(problems, "SLA state", sla, SLA_STATES);
		if (sort != null && Sort.parse(sort) == null) {
			problems.add("Unknown sort '" + sort + "' (use created, severity, status, last_seen or sla); sorted by created");
		}
		if (dir != null && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
			problems.add("Unknown direction '" + dir + "' (use asc or desc); sorted descending");
		}
		return problems;
	}

	private static void check(List<String> problems, String name, String value, List<String> allowed) {
		if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
			problems.add("Unknown " + name + " '" + value + "' (use one of " + String.join(", ", allowed)
					+ "); this filter was ignored");
		}
	}

	private static String clean(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** True when the value is one of the allowed ones (case-insensitive). */
	static boolean known(String value, List<String> allowed) {
		return value != null && allowed.contains(value.toLowerCase(Locale.ROOT));
	}

}
