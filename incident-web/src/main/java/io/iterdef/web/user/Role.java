package io.iterdef.web.user;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Roles, stored lower-case in users.role and granted as ROLE_ANALYST, ROLE_LEAD, ROLE_ADMIN. The
 * hierarchy (admin > lead > analyst) is declared in SecurityConfiguration: a role may do everything the
 * roles below it may.
 */
public enum Role {

	ANALYST, LEAD, ADMIN;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public static Role fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** The role named by a form value (any case); empty when it names none. */
	public static Optional<Role> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Role role : values()) {
			if (role.dbValue().equalsIgnoreCase(value.strip())) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** The highest role among the authentication's authorities; empty when it has none of them. */
	public static Optional<Role> highest(Authentication authentication) {
		Role best = null;
		if (authentication != null) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				for (Role role : values()) {
					if (role.authority().equals(authority.getAuthority()) && (best == null || role.compareTo(best) > 0)) {
						best = role;
					}
				}
			}
		}
		return Optional.ofNullable(best);
	}

}
