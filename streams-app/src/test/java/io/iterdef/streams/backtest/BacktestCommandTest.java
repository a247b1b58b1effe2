package io.iterdef.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BacktestCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldTakeTheRangeFromRelativeTimesAndEndItNowByDefault() {
        BacktestCommand c = parse(Map.of(), "--from", "now-24h");

        assertThat(c.range()).isEqualTo(new BacktestCommand.Range(Instant.parse("2026-11-27T12:00:00Z"), CLOCK.instant()));
        assertThat(c.index).isEqualTo("events-*");
        assertThat(c.pageSize).isEqualTo(5000);
        assertThat(c.format).isEqualTo(BacktestCommand.Format.ndjson);
    }

    @Test
    void shouldReadElasticsearchFromTheEnvironmentUnlessEsIsGiven() {
        Map<String, String> env = Map.of("ITERDEF_ES_URL", "https://es.example:9200", "ITERDEF_ES_API_KEY", "k");

        assertThat(parse(env, "--from", "2026-11-17").elasticsearch().url()).isEqualTo("https://es.example:9200");
        var overridden = parse(env, "--from", "2026-11-17", "--es", "http://10.0.0.5:9200").elasticsearch();
        assertThat(overridden.url()).isEqualTo("http://10.0.0.5:9200");
        assertThat(overridden.authorizationHeader()).contains("ApiKey k");
        assertThat(parse(Map.of(), "--from", "2026-11-17").elasticsearch().url()).isEqualTo("http://127.0.0.1:9200");
    }

    @Test
    void shouldRefuseFromAfterToAsAUsageError() {
        StringWriter err = new StringWriter();
        int code = run(err, "--from", "2026-11-18T00:00:00Z", "--to", "2026-11-17T00:00:00Z");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--from 2026-11-18T00:00:00Z is not before --to 2026-11-17T00:00:00Z");
    }

    @Test
    void shouldRefuseAnUnreadableTimeAsAUsageError() {
        StringWriter err = new StringWriter();
        int code = run(err, "--from", "last tuesday");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("invalid time 'last tuesday'");
    }

    @Test
    void shouldRequireFrom() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--to", "now")).isEqualTo(2);
        assertThat(err.toString()).contains("--from");
    }

    @Test
    void shouldSayWhichUrlToFixWhenElasticsearchIsUnreachable() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        StringWriter err = new StringWriter();
        int code = run(err, "--from", "now-1h", "--es", "http://127.0.0.1:" + port);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("backtest: cannot reach Elasticsearch at http://127.0.0.1:" + port)
                .contains("ITERDEF_ES_URL")
                .doesNotContain("\tat ");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cl = BacktestCommand.commandLine(Map.of(), CLOCK);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    private static BacktestCommand parse(Map<String, String> env, String... args) {
        CommandLine cl = BacktestCommand.commandLine(env, CLOCK);
        cl.parseArgs(args);
        BacktestCommand c = cl.getCommand();
        return c;
    }
}
