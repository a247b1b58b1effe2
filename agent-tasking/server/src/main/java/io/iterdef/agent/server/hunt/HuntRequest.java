package io.iterdef.agent.server.hunt;

import java.util.Map;

/**
 * {@code POST /admin/v1/hunts}: one task of {@code type} with {@code params} for every agent that matches the
 * targeting, started at {@code ratePerMinute} agents a minute, on at most {@code clientLimit} agents, until
 * {@code expiresInSeconds} from now.
 *
 * @param targetLabels labels an agent must all carry (key and value equal); empty: any agent
 * @param targetOs "linux" or "windows"; null: any
 * @param targetSeenWithinSeconds only agents that polled within this many seconds; null: any
 */
record HuntRequest(String name, String type, Map<String, Object> params, Map<String, String> targetLabels,
		String targetOs, Long targetSeenWithinSeconds, Integer ratePerMinute, Integer clientLimit,
		Long expiresInSeconds, String reason) {
}
