package io.iterdef.web.incident;

import io.iterdef.web.user.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who makes a change: a username and role (from the login or an API token), or the system (alert ingest,
 * scheduler). The workflow checks the role itself, so every caller (pages, bulk actions, the REST API) gets
 * the same answer.
 */
public record Actor(String username, Role role) {

	public static final Actor SYSTEM = new Actor("system", Role.ADMIN);

	/** The actor of a Spring Security authentication; its highest ROLE_* authority is the role. */
	public static Actor of(Authentication authentication) {
		Role role = Role.ANALYST;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role r : Role.values()) {
				if (r.authority().equals(authority.getAuthority()) && r.compareTo(role) > 0) {
					role = r;
				}
			}
		}
		return new Actor(authentication.getName(), role);
	}

	/** Lead or admin: may assign others, merge and split. */
	public boolean isLead() {
		return role.compareTo(Role.LEAD) >= 0;
	}

}
