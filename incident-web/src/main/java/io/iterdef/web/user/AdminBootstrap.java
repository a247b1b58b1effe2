package io.iterdef.web.user;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when the users table is empty: ITERDEF_ADMIN_USER (default admin) with
 * ITERDEF_ADMIN_PASSWORD, or, when no password is given, a random one that is logged once at WARN.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final String username;

	private final String password;

	AdminBootstrap(UserRepository users, PasswordEncoder passwordEncoder,
			@Value("${iterdef.admin.user:admin}") String username,
			@Value("${iterdef.admin.password:}") String password) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = password == null || password.isEmpty();
		String initial = generated ? randomPassword() : password;
		if (!users.insertIfNoUsers(username, passwordEncoder.encode(initial), Role.ADMIN)) {
			return;
		}
		if (generated) {
			log.warn("""

					*****************************************************************
					  No users existed: created the first admin user.
					  username: {}
					  password: {}
					  This password is shown only this once. To choose it instead,
					  set ITERDEF_ADMIN_PASSWORD before the first start.
					*****************************************************************""", username, initial);
		}
		else {
			log.warn("No users existed: created the first admin user '{}' with the password from ITERDEF_ADMIN_PASSWORD",
					username);
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
