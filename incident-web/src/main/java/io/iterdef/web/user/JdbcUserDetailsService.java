package io.iterdef.web.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's users, from the users table; the role is the one granted authority. */
@Service
class JdbcUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	JdbcUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username)
			.map(u -> User.withUsername(u.username())
				.password(u.passwordHash())
				.authorities(u.role().authority())
				.disabled(!u.enabled())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

}
