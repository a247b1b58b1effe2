package io.iterdef.agent.protocol;

/**
 * Enrollment: the shared enrollment secret (configured on the server; rate-limited) and the host's facts.
 * A second agent claiming a host name that an active agent holds is refused (409) unless the old one was
 * revoked.
 */
public record EnrollRequest(String enrollmentSecret, HostFacts host) {
}
