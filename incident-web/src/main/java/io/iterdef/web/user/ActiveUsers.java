package io.iterdef.web.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** The current role of an enabled user, for {@link SessionUserCheck}; one primary-key look-up per page request. */
@Component
public class ActiveUsers {

	private final UserRepository users;

	ActiveUsers(UserRepository users) {
		this.users = users;
	}

	public Optional<Role> activeRole(String username) {
		return users.findByUsername(username).filter(UserRepository.UserRow::enabled).map(UserRepository.UserRow::role);
	}

}
