package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.iterdef.web.incident.Severity;

/** One immutable version of an escalation policy: which incidents it applies to, its levels, its repeats. */
public record PolicyVersion(long policyId, int version, Set<Severity> severities, String rulePattern,
		List<Level> levels, int repeatCount, Instant createdAt, String createdBy) {

	public PolicyVersion {
		severities = Set.copyOf(severities);
		levels = List.copyOf(levels);
	}

	/** True when an incident of this rule and severity falls under this version. */
	public boolean matches(String ruleId, Severity severity) {
		if (!severities.contains(severity)) {
			return false;
		}
		return rulePattern == null || rulePattern.isBlank() || Pattern.compile(rulePattern).matcher(ruleId).matches();
	}

}
