package io.iterdef.web.user;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

class AdminBootstrapIT extends StackSupport {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcUserDetailsService userDetails;

	@Test
	void shouldHaveAnAdminWithBcryptHashWhenApplicationHasStarted() {
		String hash = jdbc.sql("SELECT password_hash FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1")
			.query(String.class)
			.single();

		assertThat(hash).startsWith("$2");
	}

	@Test
	void shouldNotCreateAnotherUserWhenUsersExist() {
		assertThat(users.insertIfNoUsers("second-admin", "$2a$10$x", Role.ADMIN)).isFalse();
		assertThat(users.findByUsername("second-admin")).isEmpty();
	}

	@Test
	void shouldGrantRoleAuthorityWhenLoadingUser() {
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES ('it-lead', '$2a$10$x', 'lead') "
				+ "ON CONFLICT (username) DO NOTHING").update();

		UserDetails lead = userDetails.loadUserByUsername("it-lead");

		assertThat(lead.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_LEAD");
		assertThat(lead.isEnabled()).isTrue();
	}

}
