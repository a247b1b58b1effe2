package io.iterdef.streams.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.iterdef.streams.config.ElasticsearchConfig;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/** The Elasticsearch Java client over the low-level RestClient, with the configured auth header. */
public final class ElasticsearchFactory {
    private ElasticsearchFactory() {
    }

    public static RestClient restClient(ElasticsearchConfig cfg) {
        var builder = RestClient.builder(HttpHost.create(cfg.url()));
        cfg.authorizationHeader().ifPresent(value ->
                builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", value)}));
        return builder.build();
    }

    /** Closing the returned client's transport closes the RestClient. */
    public static ElasticsearchClient client(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }
}
