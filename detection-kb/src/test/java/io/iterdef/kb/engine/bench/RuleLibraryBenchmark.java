package io.iterdef.kb.engine.bench;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.engine.DetectionSession;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Event;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Events/s of the whole rule library on one thread, against the same events through an empty rule base (same
 * session type, same insert-and-fire per event) in the same run. The mix is what a fleet sends: the benign baseline
 * day (workstations, file server, DC) plus the demo attack scenario, in time order. One operation = one event; each
 * benchmark invocation runs the whole mix through a fresh session, as {@code iterdef detect} does.
 */
@State(Scope.Thread)
public class RuleLibraryBenchmark {

	/** The events of one invocation; {@link OperationsPerInvocation} must match (checked in {@link #load}). */
	static final int MIX_SIZE = 1060;

	@Param({ "empty", "library" })
	public String rules;

	private RuleSet ruleSet;

	private List<Event> mix;

	@Setup(Level.Trial)
	public void load() throws IOException {
		ruleSet = "empty".equals(rules) ? emptyRuleBase() : RuleSet.fromClasspath();
		List<Event> events = new ArrayList<>();
		// read from the source tree (like DecodeBenchmark), so that the bench profile needs no installed sample-events
		Path resources = Path.of(System.getProperty("bench.events", "../sample-events/src/main/resources"));
		for (String folder : List.of("baseline", "scenarios")) {
			try (Stream<Path> files = Files.list(resources.resolve(folder))) {
				for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
					events.addAll(TestResources.decodeAll(f));
				}
			}
		}
		events.sort(Comparator.comparing(Event::getTimestamp));
		if (events.size() != MIX_SIZE) {
			throw new IllegalStateException("the mix has " + events.size() + " events; set MIX_SIZE to that");
		}
		mix = events;
	}

	/** A rule base with the library's package shape and global but no rule. */
	static RuleSet emptyRuleBase() {
		return RuleSet.compile(Map.of("rules/empty/empty.drl", """
				package rules.empty;
				import io.iterdef.kb.event.Event;
				global io.iterdef.kb.engine.Alerts alerts;
				"""));
	}

	@Benchmark
	@OperationsPerInvocation(MIX_SIZE)
	public void detect(Blackhole bh) {
		List<Object> alerts = new ArrayList<>();
		try (DetectionSession session = ruleSet.newSession(alerts::add)) {
			for (Event e : mix) {
				session.insert(e);
			}
			bh.consume(session.factCount());
		}
		bh.consume(alerts.size());
	}
}
