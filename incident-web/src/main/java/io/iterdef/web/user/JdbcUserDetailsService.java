package io.iterdef.web.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security's users, from the users table; the role is the one granted authority. A disabled user
 * cannot log in; a username locked by {@link LoginAttempts} cannot either, until the lock ends.
 */
@Service
class JdbcUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	private final LoginAttempts attempts;

	JdbcUserDetailsService(UserRepository users, LoginAttempts attempts) {
		this.users = users;
		this.attempts = attempts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username)
			.map(u -> User.withUsername(u.username())
				.password(u.passwordHash())
				.authorities(u.role().authority())
				.disabled(!u.enabled())
				.accountLocked(attempts.isLocked(u.username()))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

}
