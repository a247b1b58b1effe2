package io.iterdef.streams.backtest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.kb.cli.AlertPrinter;
import io.iterdef.kb.cli.Progress;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.streams.config.ElasticsearchConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.elasticsearch.client.RestClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Retro-hunt: runs rules over the events Elasticsearch holds for a time range, in time order through one session on
 * the pseudo clock (what {@code iterdef detect} does with files), and reports what would have fired.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, version = "iterdef backtest 0.1.0",
        description = {"Run the rules over the events indexed in Elasticsearch in [--from, --to), in time order; "
                + "alerts go to stdout, progress and a per-rule summary to stderr.",
                "Times: an ISO-8601 instant (2026-11-17T09:00:00Z), a date (2026-11-17, midnight UTC), now, "
                        + "or now-24h (s, m, h, d, w)."})
public final class BacktestCommand implements Callable<Integer> {
    enum Format {
        ndjson, table
    }

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "start of the range (included)")
    String from;

    @Option(names = "--to", defaultValue = "now", paramLabel = "TIME", description = "end of the range (excluded; default: now)")
    String to;

    @Option(names = "--query", paramLabel = "Q", description = "only the events matching this Lucene query string, e.g. 'host.name:fin-ws07*'")
    String query;

    @Option(names = "--rules", paramLabel = "DIR", description = "run a working copy of the rules (*.drl under DIR) instead of the built-in ones")
    Path rulesDir;

    @Option(names = "--es", paramLabel = "URL", description = "Elasticsearch URL (default: $ITERDEF_ES_URL or http://127.0.0.1:9200)")
    String esUrl;

    @Option(names = "--index", defaultValue = "events-*", paramLabel = "PATTERN", description = "the events indices (default: events-*)")
    String index;

    @Option(names = "--format", defaultValue = "ndjson", description = "ndjson (default) or table")
    Format format;

    @Option(names = "--progress", defaultValue = "auto",
            description = "progress lines on stderr: auto (default: every 2 s once a run takes that long), always, never")
    Progress.Mode progressMode;

    @Option(names = "--page-size", defaultValue = "5000", paramLabel = "N", description = "events per search page (default: 5000)")
    int pageSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    BacktestCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), Clock.systemUTC(), args));
    }

    /** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage error). */
    static int execute(Map<String, String> env, Clock clock, String... args) {
        return commandLine(env, clock).execute(args);
    }

    static CommandLine commandLine(Map<String, String> env, Clock clock) {
        CommandLine cl = new CommandLine(new BacktestCommand(env, clock));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof BacktestException) {
                line.getErr().println("backtest: " + e.getMessage());
                line.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cl;
    }

    /** The time range [from, to). */
    record Range(Instant from, Instant to) {
    }

    /** The range: a usage error when a time does not parse or from is not before to. */
    Range range() {
        Instant now = clock.instant();
        Instant start;
        Instant end;
        try {
            start = TimeArgument.parse(from, now);
            end = TimeArgument.parse(to, now);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!start.isBefore(end)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--from " + start + " is not before --to " + end);
        }
        return new Range(start, end);
    }

    /** The environment's Elasticsearch settings, with --es for the URL. */
    ElasticsearchConfig elasticsearch() {
        ElasticsearchConfig cfg = ElasticsearchConfig.fromMap(env);
        return esUrl == null ? cfg : new ElasticsearchConfig(esUrl, cfg.apiKey(), cfg.username(), cfg.password());
    }

    @Override
    public Integer call() {
        Range range = range();
        if (pageSize < 1 || pageSize > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--page-size must be 1..10000: " + pageSize);
        }
        if (rulesDir != null && !Files.isDirectory(rulesDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + rulesDir);
        }
        ElasticsearchConfig es = elasticsearch();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        RuleSet rules;
        List<Alert> alerts;
        long[] done = {0};
        try (RestClient rest = ElasticsearchFactory.restClient(es);
                EventSearch search = new EventSearch(ElasticsearchFactory.client(rest),
                        new EsErrors(es.url(), index, query), index, range.from(), range.to(), query, pageSize)) {
            long total = search.count(); // first: a wrong URL, index or query fails before the rules compile
            rules = loadRules();
            Progress progress = Progress.of(err, progressMode);
            progress.start("backtest", "events", total);
            alerts = rules.detect(search.events(), n -> {
                done[0] = n;
                progress.update(n, null);
            });
        } catch (IOException e) {
            throw new BacktestException("closing the Elasticsearch client: " + e);
        }
        AlertPrinter printer = new AlertPrinter(out);
        if (format == Format.table) {
            printer.table(alerts);
        } else {
            alerts.forEach(printer::ndjson);
        }
        out.flush();
        BacktestSummary.print(err, range.from(), range.to(), done[0], alerts, rules,
                Duration.ofNanos(System.nanoTime() - started));
        return 0;
    }

    private RuleSet loadRules() {
        try {
            return rulesDir == null ? RuleSet.fromClasspath() : RuleSet.fromDirectory(rulesDir);
        } catch (IllegalArgumentException e) {
            throw new BacktestException(e.getMessage());
        }
    }
}
