package io.iterdef.web.dashboard;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.iterdef.web.es.EsProperties;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Elasticsearch and Kafka not reachable (a port nobody listens on), the dashboard says so and what to do,
 * within the bounded timeouts, instead of failing.
 */
class DashboardUnreachableTest {

	@Test
	void shouldSayWhatToDoWhenElasticsearchAndKafkaAreNotReachable() throws Exception {
		int port = closedPort();
		String url = "http://127.0.0.1:" + port;
		EsProperties es = new EsProperties(url, "", "", "", "events-*", "alerts-*", Duration.ofSeconds(2));
		DeadLetters deadLetters = new DeadLetters(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port), "iterdef.dlq");
		try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
			ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
			DashboardService service = new DashboardService(new DashboardQueries(client, es), deadLetters, es);

			long start = System.nanoTime();
			Dashboard dashboard = service.compute(DashboardRange.parse("1h", Instant.now()), null);

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
			assertThat(dashboard.error())
				.isEqualTo("Elasticsearch at " + url + " is not reachable; start it or set ITERDEF_ES_URL.");
			assertThat(dashboard.events()).isNull();
			assertThat(dashboard.deadLetters().records()).isNull();
			assertThat(dashboard.deadLetters().text()).isEqualTo("unknown (Kafka not reachable)");
		}
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
