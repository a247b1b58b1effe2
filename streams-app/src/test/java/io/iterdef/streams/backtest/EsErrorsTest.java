package io.iterdef.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class EsErrorsTest {
    private final EsErrors errors = new EsErrors("https://es.example:9200", "events-*", "host.name:(");

    @Test
    void shouldNameTheUrlAndWhatToSetWhenElasticsearchCannotBeReached() {
        assertThat(errors.unreachable(new ConnectException("Connection refused")).getMessage())
                .startsWith("cannot reach Elasticsearch at https://es.example:9200")
                .contains("Connection refused").contains("ITERDEF_ES_URL").contains("--es URL");
    }

    @Test
    void shouldNameTheCredentialVariablesWhenAccessIsRefused() {
        assertThat(errors.refused(error(401, "security_exception", "missing authentication credentials")).getMessage())
                .contains("refused access (401, missing authentication credentials)")
                .contains("ITERDEF_ES_API_KEY").contains("ITERDEF_ES_USERNAME");
    }

    @Test
    void shouldSayNoIndexMatchesThePattern() {
        assertThat(errors.refused(error(404, "index_not_found_exception", "no such index [events-*]")).getMessage())
                .isEqualTo("no index matches 'events-*' at https://es.example:9200: nothing indexed there yet, "
                        + "or the events are in other indices (--index)");
    }

    @Test
    void shouldGiveElasticsearchsReasonsWhenTheQueryIsRefused() {
        ElasticsearchException e = new ElasticsearchException("count", ErrorResponse.of(r -> r.status(400)
                .error(c -> c.type("search_phase_execution_exception").reason("all shards failed")
                        .rootCause(rc -> rc.type("query_shard_exception").reason("Failed to parse query [host.name:(]")
                                .causedBy(cb -> cb.type("parse_exception").reason("Cannot parse 'host.name:('"))))));

        assertThat(errors.refused(e).getMessage()).isEqualTo("Elasticsearch refused the search with --query "
                + "'host.name:(': all shards failed; Failed to parse query [host.name:(]; Cannot parse 'host.name:('");
    }

    private static ElasticsearchException error(int status, String type, String reason) {
        return new ElasticsearchException("count", ErrorResponse.of(r -> r.status(status)
                .error(c -> c.type(type).reason(reason))));
    }
}
