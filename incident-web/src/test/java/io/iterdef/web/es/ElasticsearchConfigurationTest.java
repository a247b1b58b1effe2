package io.iterdef.web.es;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchConfigurationTest {

	private static EsProperties es(String apiKey, String user, String password) {
		return new EsProperties("http://127.0.0.1:9200", apiKey, user, password, "events-*", "alerts-*",
				Duration.ofSeconds(10));
	}

	@Test
	void shouldSendNoAuthorizationWhenNoCredentialsAreSet() {
		assertThat(ElasticsearchConfiguration.authorization(es("", "", ""))).isNull();
	}

	@Test
	void shouldPreferTheApiKeyOverBasicAuth() {
		assertThat(ElasticsearchConfiguration.authorization(es("a2V5", "elastic", "x"))).isEqualTo("ApiKey a2V5");
	}

	@Test
	void shouldSendBasicAuthForUserAndPassword() {
		assertThat(ElasticsearchConfiguration.authorization(es("", "elastic", "changeme")))
			.isEqualTo("Basic ZWxhc3RpYzpjaGFuZ2VtZQ==");
	}

}
