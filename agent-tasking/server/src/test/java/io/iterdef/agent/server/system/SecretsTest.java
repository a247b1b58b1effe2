package io.iterdef.agent.server.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@Test
	void shouldMakeDistinctCredentialsAndHashThemToHex() {
		String a = Secrets.newCredential();
		String b = Secrets.newCredential();

		assertThat(a).isNotEqualTo(b).hasSize(43);
		assertThat(Secrets.hash(a)).matches("[0-9a-f]{64}").isEqualTo(Secrets.hash(a)).isNotEqualTo(Secrets.hash(b));
		assertThat(Secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void shouldMatchOnlyEqualNonEmptySecrets() {
		assertThat(Secrets.matches("s3cret", "s3cret")).isTrue();
		assertThat(Secrets.matches("s3cret", "s3cret ")).isFalse();
		assertThat(Secrets.matches("", "")).isFalse();
		assertThat(Secrets.matches(null, "x")).isFalse();
	}

	@Test
	void shouldReadABearerToken() {
		assertThat(Secrets.bearer("Bearer abc")).isEqualTo("abc");
		assertThat(Secrets.bearer("bearer  abc ")).isEqualTo("abc");
		assertThat(Secrets.bearer("Basic abc")).isNull();
		assertThat(Secrets.bearer("Bearer ")).isNull();
		assertThat(Secrets.bearer(null)).isNull();
	}

}
