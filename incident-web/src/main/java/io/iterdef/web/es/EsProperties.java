package io.iterdef.web.es;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the events and alerts are in Elasticsearch (ITERDEF_ES_URL and credentials, mapped by
 * IterdefEnvironment) and the bounds every query of the web app runs under.
 *
 * @param url the cluster, e.g. http://127.0.0.1:9200
 * @param apiKey an API key (sent as {@code Authorization: ApiKey ...}); empty for none
 * @param username basic-auth user when no API key is set; empty for none
 * @param password basic-auth password
 * @param eventsIndex the index pattern of the events (the indexer writes events-YYYY.MM.DD)
 * @param alertsIndex the index pattern of the alerts (alerts-YYYY.MM)
 * @param timeout how long one search may run on the cluster before it answers with what it has
 */
@ConfigurationProperties("iterdef.es")
public record EsProperties(@DefaultValue("http://127.0.0.1:9200") String url, @DefaultValue("") String apiKey,
		@DefaultValue("") String username, @DefaultValue("") String password,
		@DefaultValue("events-*") String eventsIndex, @DefaultValue("alerts-*") String alertsIndex,
		@DefaultValue("10s") Duration timeout) {
}
