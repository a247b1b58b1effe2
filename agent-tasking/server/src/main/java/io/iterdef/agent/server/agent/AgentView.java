package io.iterdef.agent.server.agent;

import java.util.Map;

/** An agent as GET /admin/v1/agents lists it; times are ISO-8601 strings (null when not set). */
public record AgentView(String id, String hostname, String os, Map<String, Object> labels, Map<String, Object> facts,
		String enrolledAt, String lastSeenAt, String revokedAt) {
}
