package io.iterdef.streams.backtest;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Turns what Elasticsearch (or the network) says into a message that tells the user what to do. */
final class EsErrors {
    private final String url;
    private final String index;
    private final String query;

    EsErrors(String url, String index, String query) {
        this.url = url;
        this.index = index;
        this.query = query;
    }

    BacktestException unreachable(IOException e) {
        return new BacktestException("cannot reach Elasticsearch at " + url + " (" + e + "): start it (./iterdef up) "
                + "or point ITERDEF_ES_URL (or --es URL) at your cluster");
    }

    BacktestException refused(ElasticsearchException e) {
        ErrorCause error = e.error();
        String type = error == null ? "" : error.type();
        String reasons = error == null ? e.getMessage() : reasons(error);
        if (e.status() == 401 || e.status() == 403) {
            return new BacktestException("Elasticsearch at " + url + " refused access (" + e.status() + ", " + reasons
                    + "): set ITERDEF_ES_API_KEY, or ITERDEF_ES_USERNAME and ITERDEF_ES_PASSWORD");
        }
        if ("index_not_found_exception".equals(type)) {
            return new BacktestException("no index matches '" + index + "' at " + url
                    + ": nothing indexed there yet, or the events are in other indices (--index)");
        }
        if (e.status() == 400 && query != null) {
            return new BacktestException("Elasticsearch refused the search with --query '" + query + "': " + reasons);
        }
        return new BacktestException("Elasticsearch at " + url + " refused the search (" + e.status() + "): "
                + reasons);
    }

    /** The reason, the root causes' and the chain of causes', without repeats. */
    private static String reasons(ErrorCause error) {
        Set<String> reasons = new LinkedHashSet<>();
        add(reasons, error);
        error.rootCause().forEach(c -> add(reasons, c));
        return String.join("; ", reasons);
    }

    private static void add(Set<String> reasons, ErrorCause cause) {
        for (ErrorCause c = cause; c != null; c = c.causedBy()) {
            if (c.reason() != null) {
                reasons.add(c.reason());
            }
        }
    }
}
