package io.iterdef.agent.server.agent;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.protocol.HostFacts;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agents table: enrollment, lookup by credential hash, heartbeat and revocation. */
@Repository
public class AgentRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AgentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts an agent; a DuplicateKeyException when an unrevoked agent holds the host name. */
	public void insert(UUID id, HostFacts facts, String credentialHash) {
		jdbc.sql("""
				INSERT INTO agents (id, hostname, os, facts, labels, credential_hash, last_seen_at)
				VALUES (:id, :hostname, :os, :facts::jsonb, :labels::jsonb, :hash, now())""")
			.param("id", id)
			.param("hostname", facts.hostname())
			.param("os", facts.os())
			.param("facts", json.writeValueAsString(facts))
			.param("labels", json.writeValueAsString(facts.labels()))
			.param("hash", credentialHash)
			.update();
	}

	/** The unrevoked agent holding this credential hash. */
	public Optional<Agent> findActive(String credentialHash) {
		return jdbc.sql("SELECT id, hostname, os FROM agents WHERE credential_hash = :hash AND revoked_at IS NULL")
			.param("hash", credentialHash)
			.query((rs, n) -> new Agent(rs.getObject("id", UUID.class), rs.getString("hostname"), rs.getString("os")))
			.optional();
	}

	/** Records a poll: last seen now, the facts and labels the agent reports (its host name stays the enrolled one). */
	public void heartbeat(UUID id, HostFacts facts) {
		if (facts == null) {
			jdbc.sql("UPDATE agents SET last_seen_at = now() WHERE id = :id").param("id", id).update();
			return;
		}
		jdbc.sql("UPDATE agents SET last_seen_at = now(), facts = :facts::jsonb, labels = :labels::jsonb WHERE id = :id")
			.param("id", id)
			.param("facts", json.writeValueAsString(facts))
			.param("labels", json.writeValueAsString(facts.labels()))
			.update();
	}

	/** Revokes an agent: its credential is refused from now on and its host name is free. False when unknown. */
	public boolean revoke(UUID id) {
		int rows = jdbc.sql("UPDATE agents SET revoked_at = coalesce(revoked_at, now()) WHERE id = :id")
			.param("id", id)
			.update();
		return rows > 0;
	}

	/** Whether an agent with this id exists and is not revoked. */
	public boolean isActive(UUID id) {
		return jdbc.sql("SELECT count(*) FROM agents WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** The unrevoked agent holding this host name (compared in lower case, as stored). */
	public Optional<UUID> findActiveByHostname(String hostname) {
		return jdbc.sql("SELECT id FROM agents WHERE hostname = :hostname AND revoked_at IS NULL")
			.param("hostname", hostname.strip().toLowerCase(Locale.ROOT))
			.query(UUID.class)
			.optional();
	}

	/** Every agent (revoked ones too), by host name, newest enrollment first within a host. */
	List<AgentView> list() {
		return jdbc.sql("""
				SELECT id, hostname, os, labels::text AS labels, facts::text AS facts, enrolled_at, last_seen_at,
				       revoked_at
				FROM agents ORDER BY hostname, enrolled_at DESC""")
			.query((rs, n) -> new AgentView(rs.getString("id"), rs.getString("hostname"), rs.getString("os"),
					json.readValue(rs.getString("labels"), MAP), json.readValue(rs.getString("facts"), MAP),
					iso(rs.getTimestamp("enrolled_at")), iso(rs.getTimestamp("last_seen_at")),
					iso(rs.getTimestamp("revoked_at"))))
			.list();
	}

	private static String iso(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().toString();
	}

}
