package io.iterdef.web.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminBootstrapTest {

	@Test
	void shouldGenerateDifferentUrlSafePasswordsWhenCalledTwice() {
		String a = AdminBootstrap.randomPassword();
		String b = AdminBootstrap.randomPassword();

		assertThat(a).hasSize(24).matches("[A-Za-z0-9_-]+");
		assertThat(a).isNotEqualTo(b);
	}

}
