package io.iterdef.web.es;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch Java client for the search pages, over the low-level RestClient with the configured
 * credentials. No connection is made at start-up: a stopped cluster makes searches fail with a clear
 * message, not the web app.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EsProperties.class)
public class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(EsProperties es) {
		var builder = RestClient.builder(HttpHost.create(es.url()));
		String auth = authorization(es);
		if (auth != null) {
			builder.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", auth) });
		}
		return builder.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(RestClient elasticsearchRestClient) {
		return new ElasticsearchClient(new RestClientTransport(elasticsearchRestClient, new JacksonJsonpMapper()));
	}

	static String authorization(EsProperties es) {
		if (!es.apiKey().isBlank()) {
			return "ApiKey " + es.apiKey();
		}
		if (!es.username().isBlank()) {
			String pair = es.username() + ":" + es.password();
			return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
		}
		return null;
	}

}
