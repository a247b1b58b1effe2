package io.iterdef.web.api;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensTest {

	@Test
	void shouldMakePrefixedSecretsOf32RandomBytes() {
		String a = ApiTokens.newSecret();
		String b = ApiTokens.newSecret();

		assertThat(a).startsWith("itd_").isNotEqualTo(b);
		assertThat(Base64.getUrlDecoder().decode(a.substring(4))).hasSize(32);
	}

	@Test
	void shouldHashWithSha256AsLowerCaseHex() {
		assertThat(ApiTokens.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
