package io.iterdef.web.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	@Test
	void shouldGenerateDifferentUrlSafePasswordsWhenCalledTwice() {
		String a = AdminBootstrap.randomPassword();
		String b = AdminBootstrap.randomPassword();

		assertThat(a).hasSize(24).matches("[A-Za-z0-9_-]+");
		assertThat(a).isNotEqualTo(b);
	}

	@Test
	void shouldPrintTheGeneratedPasswordOnceWhenItCreatesTheFirstAdmin(CapturedOutput output) {
		UserRepository users = mock(UserRepository.class);
		given(users.insertIfNoUsers(anyString(), anyString(), any())).willReturn(true);

		new AdminBootstrap(users, encoder, "root", "").run(null);

		ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
		verify(users).insertIfNoUsers(eq("root"), hash.capture(), eq(Role.ADMIN));
		String printed = output.getOut().lines()
			.filter(l -> l.strip().startsWith("password: "))
			.map(l -> l.strip().substring("password: ".length()))
			.reduce((x, y) -> x + "|" + y)
			.orElseThrow();
		assertThat(printed).matches("[A-Za-z0-9_-]{24}");
		assertThat(encoder.matches(printed, hash.getValue())).isTrue();
		assertThat(output.getOut()).contains("username: root").contains("shown only this once");
	}

	@Test
	void shouldPrintNoPasswordWhenUsersExistAlready(CapturedOutput output) {
		UserRepository users = mock(UserRepository.class);
		given(users.insertIfNoUsers(anyString(), anyString(), any())).willReturn(false);

		new AdminBootstrap(users, encoder, "root", "").run(null);

		assertThat(output.getOut()).doesNotContain("password:").doesNotContain("first admin");
	}

	@Test
	void shouldNotPrintAGivenPasswordWhenItCreatesTheFirstAdmin(CapturedOutput output) {
		UserRepository users = mock(UserRepository.class);
		given(users.insertIfNoUsers(anyString(), anyString(), any())).willReturn(true);

		new AdminBootstrap(users, encoder, "root", "chosen-by-operator").run(null);

		assertThat(output.getOut()).contains("ITERDEF_ADMIN_PASSWORD").doesNotContain("chosen-by-operator");
	}

}
