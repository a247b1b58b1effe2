package io.iterdef.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.ItSupport;
import io.iterdef.streams.Scenario;
import io.iterdef.streams.config.ElasticsearchConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.index.EventDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backtest against the real Elasticsearch of the stack: the demo scenario and some rule fixtures, indexed the way the
 * indexer does (document = event JSON, one daily index per UTC day, _id = event.id) into indices of this run only,
 * must give exactly the alerts {@code RuleSet.detect} (what {@code iterdef detect} runs) gives on the same events.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestIT {
    private static final List<String> FIXTURES = List.of(
            "rules/windows/security/credential_access_brute_force_failed_logons/match/twelve_failures_in_60s.ndjson",
            "rules/windows/security/credential_access_brute_force_then_success/match/smb_guessing_then_network_logon.ndjson",
            "rules/windows/security/credential_access_kerberoasting_rc4_tickets/match/four_rc4_services_in_40s.ndjson");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final String prefix = "it-" + ItSupport.runId() + "-";
    private final RuleSet rules = RuleSet.fromClasspath();
    private List<Event> events;
    private Instant first;
    private Instant afterLast;
    private String esUrl;

    @BeforeAll
    void indexEvents(Stack stack) throws Exception {
        esUrl = stack.elasticsearchUrl();
        events = events();
        first = events.stream().map(Event::getTimestamp).min(Comparator.naturalOrder()).orElseThrow();
        afterLast = events.stream().map(Event::getTimestamp).max(Comparator.naturalOrder()).orElseThrow()
                .plusMillis(1);
        try (RestClient rest = ElasticsearchFactory.restClient(ElasticsearchConfig.of(esUrl))) {
            putTemplate(rest);
            ElasticsearchClient client = ElasticsearchFactory.client(rest);
            List<BulkOperation> ops = new ArrayList<>();
            for (Event e : events) {
                EventDocument doc = EventDocument.forEvent(e.toJson());
                ops.add(BulkOperation.of(b -> b.index(i -> i.index(prefix + doc.index()).id(doc.id())
                        .document(doc.source()))));
            }
            BulkResponse r = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
            assertThat(r.errors()).as("bulk errors").isFalse();
        }
    }

    @AfterAll
    void deleteIndices() throws IOException {
        if (esUrl == null) {
            return;
        }
        try (RestClient rest = ElasticsearchFactory.restClient(ElasticsearchConfig.of(esUrl))) {
            // a wildcard delete is refused (action.destructive_requires_name): name this run's indices
            String names = new String(rest.performRequest(new Request("GET", "/_cat/indices/" + prefix
                    + "events-*?h=index")).getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
            String indices = String.join(",", names.strip().split("\\s+"));
            if (!indices.isBlank()) {
                rest.performRequest(new Request("DELETE", "/" + indices));
            }
            rest.performRequest(new Request("DELETE", "/_index_template/" + prefix + "events"));
        }
    }

    @Test
    void shouldFindExactlyTheAlertsDetectFindsOnTheSameEvents() {
        List<Alert> expected = rules.detect(events);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        assertThat(expected).anyMatch(a -> a.getSuppressedCount() > 0);

        Run run = backtest("--from", first.toString(), "--to", afterLast.toString(), "--page-size", "7",
                "--progress", "always");

        assertThat(run.code).as(run.err).isEqualTo(0);
        assertThat(run.alertLines()).containsExactlyElementsOf(summaries(expected));
        List<Alert> found = run.alertLines().stream()
                .map(l -> Alert.fromJson(l.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(found).extracting(Alert::getId, Alert::getRuleId, Alert::getEventIds, Alert::getSuppressedCount)
                .containsExactlyElementsOf(expected.stream().map(a -> org.assertj.core.groups.Tuple.tuple(
                        a.getId(), a.getRuleId(), a.getEventIds(), a.getSuppressedCount())).toList());
        assertThat(run.err).contains("backtest: ").contains(String.format("of %,d events", events.size()))
                .contains(String.format("events: %,d, alerts: %d", events.size(), expected.size()));
        for (Alert a : expected) {
            assertThat(run.err).containsPattern("\\s+\\d+  " + java.util.regex.Pattern.quote(a.getRuleName()));
        }
    }

    @Test
    void shouldFindOnlyThatHostsAlertsWhenTheQueryNarrowsToOneHost() {
        String host = "fin-ws07.corp.example.org";
        List<Event> hostEvents = events.stream().filter(e -> host.equals(e.getHostName())).toList();
        assertThat(hostEvents).isNotEmpty().hasSizeLessThan(events.size());
        List<Alert> expected = rules.detect(hostEvents);
        assertThat(expected).isNotEmpty();

        Run run = backtest("--from", first.toString(), "--to", afterLast.toString(), "--query", "host.name:\"" + host + "\"");

        assertThat(run.code).as(run.err).isEqualTo(0);
        assertThat(run.alertLines()).containsExactlyElementsOf(summaries(expected));
        assertThat(rules.detect(events)).anyMatch(a -> !host.equals(a.getHostName()));
    }

    @Test
    void shouldFindNothingWhenTheRangeExcludesEveryEvent() {
        Run run = backtest("--from", first.minusSeconds(86_400).toString(), "--to", first.toString());

        assertThat(run.code).as(run.err).isEqualTo(0);
        assertThat(run.alertLines()).isEmpty();
        assertThat(run.err).contains("events: 0, alerts: 0");
    }

    @Test
    void shouldGiveElasticsearchsReasonWhenTheQueryIsInvalid() {
        Run run = backtest("--from", first.toString(), "--to", afterLast.toString(), "--query", "host.name:(");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("backtest: Elasticsearch refused the search with --query 'host.name:('")
                .containsIgnoringCase("parse").doesNotContain("\tat ");
        assertThat(run.alertLines()).isEmpty();
    }

    @Test
    void shouldSayNoIndexMatchesWhenThePatternMatchesNone() {
        Run run = backtest("--from", first.toString(), "--index", prefix + "nothing-*");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("backtest: no index matches '" + prefix + "nothing-*' at " + esUrl);
    }

    private Run backtest(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--es", esUrl, "--index", prefix + "events-*"));
        if (Arrays.asList(args).contains("--index")) {
            all = new ArrayList<>(Arrays.asList(args));
            all.addAll(List.of("--es", esUrl));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = BacktestCommand.commandLine(Map.of(), CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> summaries(List<Alert> alerts) {
        return alerts.stream().map(Alert::toSummaryJsonString).toList();
    }

    /** The events template of the indexer, for this run's indices only. */
    private void putTemplate(RestClient rest) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode template;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("index/events-template.json")) {
            template = (ObjectNode) json.readTree(in);
        }
        template.putArray("index_patterns").add(prefix + "events-*");
        Request put = new Request("PUT", "/_index_template/" + prefix + "events");
        put.setJsonEntity(template.toString());
        rest.performRequest(put);
    }

    /** The scenario and the fixtures' events, each event once, in the order `iterdef detect` would read them. */
    private static List<Event> events() throws IOException {
        Map<String, Event> byId = new LinkedHashMap<>();
        Scenario.events().forEach(e -> byId.putIfAbsent(e.getId(), e));
        Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
        for (String fixture : FIXTURES) {
            try (InputStream in = BacktestIT.class.getClassLoader().getResourceAsStream(fixture)) {
                assertThat(in).as(fixture).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        decoders.decode(line.getBytes(StandardCharsets.UTF_8), null)
                                .forEach(e -> byId.putIfAbsent(e.getId(), e));
                    }
                }
            } catch (DecodeException e) {
                throw new IllegalStateException(fixture + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(byId.values());
    }

    private record Run(int code, String out, String err) {
        List<String> alertLines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
