package io.iterdef.web.escalation;

import java.time.Instant;

/** An escalation policy with its current version. */
public record Policy(long id, String name, boolean enabled, int priority, Instant updatedAt, String updatedBy,
		PolicyVersion current) {
}
