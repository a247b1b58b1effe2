package io.iterdef.web.hosts;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.iterdef.web.es.EsProperties;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the host view says when Elasticsearch is not there: a real client against a port nobody listens on. */
class HostEventSearchTest {

	@Test
	void shouldNameTheUrlAndWhatToSetWhenNothingListensThere() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String url = "http://127.0.0.1:" + port;
		EsProperties es = new EsProperties(url, "", "", "", "events-*", "alerts-*", Duration.ofSeconds(2));
		try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
			HostEventSearch search = new HostEventSearch(
					new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())), es);

			assertThatThrownBy(() -> search.find(new HostWindow("h1", Instant.parse("2026-11-29T10:00:00Z"), 15)))
				.isInstanceOf(HostEventSearch.UnavailableException.class)
				.hasMessage("Elasticsearch at " + url + " is not reachable; start it or set ITERDEF_ES_URL.");
		}
	}

}
