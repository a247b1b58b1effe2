package io.iterdef.agent.server.enroll;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.HostFacts;
import io.iterdef.agent.server.agent.AgentRepository;
import io.iterdef.agent.server.system.ApiException;
import io.iterdef.agent.server.system.Secrets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Enrollment: the shared secret (constant-time comparison), the host's facts checked, a new agent id and a random
 * credential of which only the SHA-256 is stored. A host name held by an unrevoked agent is refused (409).
 */
@Service
class EnrollmentService {

	private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,253}[a-z0-9])?");

	private static final List<String> OSES = List.of("linux", "windows");

	private final AgentRepository agents;

	private final String enrollmentSecret;

	private final int pollSeconds;

	EnrollmentService(AgentRepository agents, @Value("${iterdef.agent.enrollment-secret:}") String enrollmentSecret,
			@Value("${iterdef.agent.poll-seconds:30}") int pollSeconds) {
		this.agents = agents;
		this.enrollmentSecret = enrollmentSecret == null ? "" : enrollmentSecret;
		this.pollSeconds = pollSeconds;
	}

	EnrollResponse enroll(EnrollRequest request) {
		if (enrollmentSecret.isEmpty()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "enrollment is off on this server",
					"the operator sets ITERDEF_AGENT_ENROLLMENT_SECRET on the agent server");
		}
		if (request == null || !Secrets.matches(request.enrollmentSecret(), enrollmentSecret)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "wrong enrollment secret",
					"configure the agent with the server's ITERDEF_AGENT_ENROLLMENT_SECRET");
		}
		HostFacts facts = checked(request.host());
		UUID id = UUID.randomUUID();
		String credential = Secrets.newCredential();
		try {
			agents.insert(id, facts, Secrets.hash(credential));
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "host " + facts.hostname() + " is held by an enrolled agent",
					"revoke that agent first (POST /admin/v1/agents/{id}/revoke), then enroll again");
		}
		return new EnrollResponse(id.toString(), credential, pollSeconds);
	}

	/** The facts with the host name lower-cased and the OS checked. */
	static HostFacts checked(HostFacts host) {
		if (host == null || host.hostname() == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "no host name", "send host.hostname (lower-case FQDN)");
		}
		String hostname = host.hostname().strip().toLowerCase(Locale.ROOT);
		if (!HOSTNAME.matcher(hostname).matches()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "bad host name",
					"letters, digits, '.', '-' and '_', at most 255 characters, as in host.name of the host's events");
		}
		String os = host.os() == null ? "" : host.os().strip().toLowerCase(Locale.ROOT);
		if (!OSES.contains(os)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "unsupported os '" + host.os() + "'",
					"send os \"linux\" or \"windows\"");
		}
		return new HostFacts(hostname, os, host.osVersion(), host.agentVersion(), host.ips(), host.labels());
	}

}
