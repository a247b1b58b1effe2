package io.iterdef.streams.rules;

import io.iterdef.kb.cli.FixtureRunner;
import io.iterdef.kb.cli.RuleLibrary;
import io.iterdef.kb.cli.RulesOptions;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.topic.TopicCreator;
import io.iterdef.streams.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iterdef rules publish [DIR] [--fixtures DIR2]} and {@code iterdef rules status}: the Kafka side of the rules
 * (the launcher sends the other {@code rules} subcommands to detection-kb's KbCli). Kafka and the topic prefix come
 * from the same variables as streams-app.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = {RulesCli.Publish.class, RulesCli.Status.class},
        description = "Publish a rule set to the running streams apps, or show which version each runs.")
public final class RulesCli {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), args));
    }

    /** Runs the command; returns the exit code (0 ok, 1 refused or Kafka failed, 2 usage error). */
    public static int execute(Map<String, String> env, String... args) {
        return execute(env, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** {@link #execute(Map, String...)} printing to {@code out} and {@code err}. */
    public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new RulesCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == Publish.class) {
                    return cls.cast(new Publish(env));
                }
                if (cls == Status.class) {
                    return cls.cast(new Status(env));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("rules " + line.getCommandName() + ": " + e.getMessage());
            line.getErr().flush();
            return 1;
        });
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Compile the rules of DIR (or the built-in ones), run every fixture case, then publish them "
                    + "with a version to iterdef.rules, where every detect task swaps them in. Refused (exit 1) when a "
                    + "rule does not compile or a fixture fails.")
    static final class Publish implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "the rules to publish (*.drl under DIR)")
        Path rulesDir;

        @Option(names = "--fixtures", paramLabel = "DIR2",
                description = "fixture root (default: classpath:rules/ and, from ./iterdef, sample-events/src/main/resources/rules)")
        Path fixturesDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Map<String, String> env;

        Publish(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (rulesDir != null && !Files.isDirectory(rulesDir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + rulesDir);
            }
            RuleLibrary library;
            try {
                library = RuleLibrary.load(rulesDir);
            } catch (IllegalArgumentException e) {
                err.println("refused, nothing published: " + e.getMessage());
                err.flush();
                return 1;
            }
            List<Path> roots = RulesOptions.fixtureRoots(spec, fixturesDir);
            List<FixtureRunner.Case> cases = FixtureRunner.cases(roots);
            if (cases.isEmpty()) {
                err.println("refused, nothing published: no fixture cases found under " + roots);
                err.flush();
                return 1;
            }
            List<FixtureRunner.Result> failed = new FixtureRunner(library).runAll(cases).stream()
                    .filter(r -> !r.passed()).toList();
            if (!failed.isEmpty()) {
                err.println("refused, nothing published: " + failed.size() + " of " + cases.size()
                        + " fixture case(s) failed:");
                failed.forEach(r -> err.println("FAIL " + r.fixture().name() + ": " + r.failure()));
                err.flush();
                return 1;
            }
            RuleSetBundle bundle = RuleSetBundle.of(library.sources(), Clock.systemUTC().instant());
            StreamsAppConfig cfg = StreamsAppConfig.fromMap(env);
            publish(cfg, bundle);
            out.println(bundle.version());
            out.flush();
            err.println(library.ruleSet().rules().size() + " rules, " + cases.size() + " fixture case(s) passed; "
                    + "published " + bundle.version() + " to " + Topics.withPrefix(cfg.topicPrefix()).rulesName());
            err.flush();
            return 0;
        }
    }

    /** Produces the bundle to iterdef.rules (created compacted with one partition when missing), acks=all. */
    static void publish(StreamsAppConfig cfg, RuleSetBundle bundle)
            throws InterruptedException, ExecutionException, TimeoutException {
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        Map<String, Object> kafka = cfg.kafka().clientProperties();
        try (Admin admin = Admin.create(kafka)) {
            new TopicCreator(topics, 1, cfg.topicReplication()).createMissing(admin, topics.rulesNames());
        }
        Map<String, Object> p = new HashMap<>(kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topics.rulesName(), RuleSetBundle.KEY, bundle.toJson()))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The rule set version each streams-app instance runs, since when, and the last set it refused.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Map<String, String> env;

        Status(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            StreamsAppConfig cfg = StreamsAppConfig.fromMap(env);
            Topics topics = Topics.withPrefix(cfg.topicPrefix());
            PrintWriter out = spec.commandLine().getOut();
            Map<String, byte[]> published = readAll(cfg, topics.rulesName());
            byte[] active = published.get(RuleSetBundle.KEY);
            out.println("published: " + (active == null ? "none (the instances run their built-in rules)"
                    : RuleSetBundle.fromJson(active).version()));
            out.printf("%-50s %-30s %-25s %s%n", "INSTANCE", "VERSION", "SINCE", "REFUSED");
            for (byte[] v : readAll(cfg, topics.rulesStatusName()).values()) {
                RulesStatus s = RulesStatus.fromJson(v);
                out.printf("%-50s %-30s %-25s %s%n", s.instance(), s.version(), s.since(), s.refusedVersion() == null
                        ? "" : s.refusedVersion() + " at " + s.refusedAt() + ": " + firstLines(s.refusedErrors()));
            }
            out.flush();
            return 0;
        }
    }

    private static String firstLines(String errors) {
        String[] lines = errors == null ? new String[0] : errors.split("\n");
        return String.join(" | ", List.of(lines).subList(0, Math.min(3, lines.length)))
                + (lines.length > 3 ? " | ..." : "");
    }

    /** The latest value per key of a one-partition compacted topic, read from the beginning to its end. */
    static Map<String, byte[]> readAll(StreamsAppConfig cfg, String topic) {
        Map<String, Object> p = new HashMap<>(cfg.kafka().clientProperties());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, byte[]> latest = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            if (consumer.partitionsFor(topic, TIMEOUT).isEmpty()) {
                return latest;
            }
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(tp, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return latest;
    }
}
