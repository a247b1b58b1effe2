package io.iterdef.agent.protocol;

/**
 * The agent's identity: its id and its credential (a random secret shown only here; the server keeps its
 * hash). The agent stores both in a file only its user can read; a 401 later (revoked) makes it enroll again.
 *
 * @param pollSeconds the base poll interval; the agent adds jitter
 */
public record EnrollResponse(String agentId, String credential, int pollSeconds) {
}
