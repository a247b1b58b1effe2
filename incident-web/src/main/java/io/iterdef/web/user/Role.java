package io.iterdef.web.user;

import java.util.Locale;

/** Roles, stored lower-case in users.role and granted as ROLE_ANALYST, ROLE_LEAD, ROLE_ADMIN. */
public enum Role {

	ANALYST, LEAD, ADMIN;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String authority() {
		return "ROLE_" + name();
	}

	static Role fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
