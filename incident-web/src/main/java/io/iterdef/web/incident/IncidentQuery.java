package io.iterdef.web.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of the incident list for a filter: WHERE conditions and ORDER BY come from fixed fragments, and
 * every value the user gave is a bind parameter. Reads incidents joined with the incident_sla view.
 */
record IncidentQuery(String where, List<Object> params, String orderBy) {

	static final String FROM = " FROM incidents i JOIN incident_sla s ON s.incident_id = i.id";

	static IncidentQuery of(IncidentFilter f, String currentUser) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (IncidentFilter.known(f.status(), IncidentFilter.STATUSES)) {
			String status = f.status().toLowerCase(Locale.ROOT);
			if (status.equals("open")) {
				conditions.add("i.status <> 'resolved'");
			}
			else {
				conditions.add("i.status = ?");
				params.add(status);
			}
		}
		if (IncidentFilter.known(f.severity(), IncidentFilter.SEVERITIES)) {
			conditions.add("i.severity = ?");
			params.add(f.severity().toLowerCase(Locale.ROOT));
		}
		if (f.assignee() != null) {
			if (f.assignee().equalsIgnoreCase("unassigned")) {
				conditions.add("i.assignee IS NULL");
			}
			else {
				conditions.add("i.assignee = ?");
				params.add(f.assignee().equalsIgnoreCase("me") ? currentUser : f.assignee());
			}
		}
		if (f.team() != null) {
			conditions.add("i.team = ?");
			params.add(f.team());
		}
		if (f.rule() != null) {
			conditions.add("(i.rule_id = ? OR i.rule_name ILIKE ? ESCAPE '\\')");
			params.add(f.rule());
			params.add(contains(f.rule()));
		}
		if (f.host() != null) {
			conditions.add("i.host_name ILIKE ? ESCAPE '\\'");
			params.add(contains(f.host()));
		}
		if (IncidentFilter.known(f.age(), IncidentFilter.AGES)) {
			conditions.add(switch (f.age().toLowerCase(Locale.ROOT)) {
				case "1h" -> "i.created_at >= now() - interval '1 hour'";
				case "24h" -> "i.created_at >= now() - interval '24 hours'";
				case "7d" -> "i.created_at >= now() - interval '7 days'";
				default -> "i.created_at < now() - interval '7 days'";
			});
		}
		if (IncidentFilter.known(f.sla(), IncidentFilter.SLA_STATES)) {
			String sla = f.sla().toLowerCase(Locale.ROOT);
			if (sla.equals("paused")) {
				conditions.add("s.paused");
			}
			else {
				conditions.add("s.sla_state = ?");
				params.add(sla);
			}
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		String direction = f.ascending() ? "ASC" : "DESC";
		String orderBy = " ORDER BY " + f.sortKey().sql + " " + direction + " NULLS LAST, i.id " + direction;
		return new IncidentQuery(where, List.copyOf(params), orderBy);
	}

	/** A LIKE pattern matching the text anywhere, with the LIKE wildcards in it escaped. */
	static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
