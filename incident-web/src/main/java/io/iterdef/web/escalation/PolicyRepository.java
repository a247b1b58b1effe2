package io.iterdef.web.escalation;

import io.iterdef.web.audit.AuditLog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.iterdef.web.incident.Severity;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Escalation policies and their immutable versions. Creating and editing write a new version and an
 * audit_log row in one transaction.
 */
@Repository
public class PolicyRepository {

	private static final String VERSION_COLUMNS = "v.policy_id, v.version, v.severities, v.rule_pattern, "
			+ "v.levels::text AS levels, v.repeat_count, v.created_at, v.created_by";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditLog audit;

	PolicyRepository(JdbcClient jdbc, ObjectMapper json, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	private final RowMapper<PolicyVersion> versionMapper = (rs, n) -> version(rs);

	private PolicyVersion version(ResultSet rs) throws SQLException {
		return new PolicyVersion(rs.getLong("policy_id"),
			rs.getInt("version"), severities(rs.getArray("severities")), rs.getString("rule_pattern"),
			LevelsJson.read(this.json, rs.getString("levels")), rs.getInt("repeat_count"),
			rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private final RowMapper<Policy> policyMapper = (rs, n) -> new Policy(rs.getLong("id"), rs.getString("name"),
			rs.getBoolean("enabled"), rs.getInt("priority"), rs.getTimestamp("updated_at").toInstant(),
			rs.getString("updated_by"), versionMapper.mapRow(rs, n));

	/** All policies in the order they are tried (priority, then id), each with its current version. */
	public List<Policy> findAll() {
		return jdbc.sql("SELECT p.id, p.name, p.enabled, p.priority, p.updated_at, p.updated_by, " + VERSION_COLUMNS
				+ " FROM escalation_policies p JOIN escalation_policy_versions v"
				+ " ON v.policy_id = p.id AND v.version = p.current_version ORDER BY p.priority, p.id")
			.query(policyMapper)
			.list();
	}

	public Optional<Policy> findById(long id) {
		return jdbc.sql("SELECT p.id, p.name, p.enabled, p.priority, p.updated_at, p.updated_by, " + VERSION_COLUMNS
				+ " FROM escalation_policies p JOIN escalation_policy_versions v"
				+ " ON v.policy_id = p.id AND v.version = p.current_version WHERE p.id = ?")
			.param(id)
			.query(policyMapper)
			.optional();
	}

	/** Newest first. */
	public List<PolicyVersion> versions(long policyId) {
		return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM escalation_policy_versions v WHERE v.policy_id = ? "
				+ "ORDER BY v.version DESC").param(policyId).query(versionMapper).list();
	}

	public Optional<PolicyVersion> version(long policyId, int version) {
		return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM escalation_policy_versions v WHERE v.policy_id = ? "
				+ "AND v.version = ?").params(policyId, version).query(versionMapper).optional();
	}

	/**
	 * The enabled policies in the order they are tried, each with all its versions (newest first), to find
	 * the version in force when an incident was created.
	 */
	List<Map.Entry<Policy, List<PolicyVersion>>> enabledWithHistory() {
		Map<Policy, List<PolicyVersion>> result = new LinkedHashMap<>();
		for (Policy p : findAll()) {
			if (p.enabled()) {
				result.put(p, versions(p.id()));
			}
		}
		return List.copyOf(result.entrySet());
	}

	boolean nameTaken(String name, Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM escalation_policies WHERE lower(name) = lower(?) AND id <> ?")
			.params(name, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean userExists(String username) {
		return jdbc.sql("SELECT count(*) FROM users WHERE username = ?").param(username).query(Long.class).single() > 0;
	}

	boolean teamExists(String team) {
		return jdbc.sql("SELECT count(*) FROM teams WHERE name = ?").param(team).query(Long.class).single() > 0;
	}

	@Transactional
	public long create(PolicyValidator.Draft draft, String actor) {
		long id = jdbc.sql("INSERT INTO escalation_policies (name, priority, current_version, updated_by) "
				+ "VALUES (?, ?, 1, ?) RETURNING id").params(draft.name(), draft.priority(), actor).query(Long.class).single();
		insertVersion(id, 1, draft, actor);
		audit.append(actor, null, "policy.create", null, describe(id, 1, draft, true));
		return id;
	}

	/** Stores the draft as the policy's next version; the incidents under older versions keep theirs. */
	@Transactional
	public int update(long id, PolicyValidator.Draft draft, String actor) {
		Policy before = jdbc.sql("SELECT p.id, p.name, p.enabled, p.priority, p.updated_at, p.updated_by, "
				+ VERSION_COLUMNS + " FROM escalation_policies p JOIN escalation_policy_versions v"
				+ " ON v.policy_id = p.id AND v.version = p.current_version WHERE p.id = ? FOR UPDATE OF p")
			.param(id)
			.query(policyMapper)
			.single();
		int version = before.current().version() + 1;
		jdbc.sql("UPDATE escalation_policies SET name = ?, priority = ?, current_version = ?, updated_at = now(), "
				+ "updated_by = ? WHERE id = ?").params(draft.name(), draft.priority(), version, actor, id).update();
		insertVersion(id, version, draft, actor);
		audit.append(actor, null, "policy.update", describe(before), describe(id, version, draft, before.enabled()));
		return version;
	}

	@Transactional
	public boolean setEnabled(long id, boolean enabled, String actor) {
		Optional<Boolean> was = jdbc.sql("SELECT enabled FROM escalation_policies WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Boolean.class)
			.optional();
		if (was.isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE escalation_policies SET enabled = ?, updated_at = now(), updated_by = ? WHERE id = ?")
			.params(enabled, actor, id)
			.update();
		audit.append(actor, null, enabled ? "policy.enable" : "policy.disable", Map.of("policy_id", id, "enabled", was.get()),
				Map.of("policy_id", id, "enabled", enabled));
		return true;
	}

	private void insertVersion(long id, int version, PolicyValidator.Draft draft, String actor) {
		String[] severities = draft.severities().stream().map(Severity::dbValue).toArray(String[]::new);
		jdbc.sql("INSERT INTO escalation_policy_versions (policy_id, version, severities, rule_pattern, levels, "
				+ "repeat_count, created_by) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)")
			.params(id, version, severities, draft.rulePattern(), LevelsJson.write(json, draft.levels()),
					draft.repeatCount(), actor)
			.update();
	}

	private Map<String, Object> describe(long id, int version, PolicyValidator.Draft d, boolean enabled) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("policy_id", id);
		m.put("version", version);
		m.put("name", d.name());
		m.put("enabled", enabled);
		m.put("priority", d.priority());
		m.put("severities", d.severities().stream().sorted().map(Severity::dbValue).toList());
		m.put("rule_pattern", d.rulePattern());
		m.put("levels", json.readTree(LevelsJson.write(json, d.levels())));
		m.put("repeat_count", d.repeatCount());
		return m;
	}

	private Map<String, Object> describe(Policy p) {
		PolicyVersion v = p.current();
		return describe(p.id(), v.version(),
				new PolicyValidator.Draft(p.name(), p.priority(), v.severities(), v.rulePattern(), v.levels(), v.repeatCount()),
				p.enabled());
	}

	private static Set<Severity> severities(Array array) throws SQLException {
		Set<Severity> result = EnumSet.noneOf(Severity.class);
		if (array != null) {
			for (String s : (String[]) array.getArray()) {
				result.add(Severity.parse(s));
			}
		}
		return result;
	}

}
