package io.iterdef.kb.cli;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs rule fixtures: {@code <root>/<same path as the drl>/<rule_stem>/{match,nomatch}/*.json|*.ndjson}, each file one
 * case (one shipper record a line) in a fresh session. A match case passes when exactly that rule fires once, a nomatch
 * case when no rule fires. A case whose events necessarily fire other rules too (a rule that follows up another's
 * alert) names them in a sidecar file {@code <case>.also} (one rule file stem a line, {@code #} comments): each of them
 * must then fire exactly once as well. Used by {@code rules test} and by RuleFixturesTest.
 */
public final class FixtureRunner {

	/** One fixture file: where it is, what it expects. */
	public record Case(Path root, Path file, String ruleStem, String expectation) {

		/** The path under the fixture root, '/'-separated. */
		public String name() {
			return root.relativize(file).toString().replace('\\', '/');
		}
	}

	/** A case's outcome: the alerts it raised and, when it failed, why. */
	public record Result(Case fixture, List<Alert> alerts, String failure) {

		public boolean passed() {
			return failure == null;
		}
	}

	private final RuleSet rules;

	private final Map<String, String> stemsById;

	private final Decoders decoders = Decoders.defaults(ZoneOffset.UTC);

	/** {@code stemsById}: rule id -> stem of the DRL file that declares it. */
	public FixtureRunner(RuleSet rules, Map<String, String> stemsById) {
		this.rules = rules;
		this.stemsById = Map.copyOf(stemsById);
	}

	public FixtureRunner(RuleLibrary library) {
		this(library.ruleSet(), library.stemsById());
	}

	/** Every *.json / *.ndjson under the roots, sorted within each root. */
	public static List<Case> cases(List<Path> roots) {
		List<Case> cases = new ArrayList<>();
		for (Path root : roots) {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(FixtureRunner::isFixture).sorted().forEach(f -> {
					Path expectation = f.getParent();
					Path stem = expectation == null ? null : expectation.getParent();
					cases.add(new Case(root, f, stem == null || stem.getFileName() == null ? "" : stem.getFileName().toString(),
							expectation == null || expectation.getFileName() == null ? "" : expectation.getFileName().toString()));
				});
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot list fixtures under " + root, e);
			}
		}
		return cases;
	}

	static boolean isFixture(Path f) {
		String name = f.getFileName().toString();
		return Files.isRegularFile(f) && (name.endsWith(".json") || name.endsWith(".ndjson"));
	}

	/** Runs one case in a fresh session. */
	public Result run(Case c) {
		if (!c.expectation().equals("match") && !c.expectation().equals("nomatch")) {
			return new Result(c, List.of(), "not under a match/ or nomatch/ folder");
		}
		List<Event> events;
		try {
			events = decodeAll(c.file());
		}
		catch (DecodeException e) {
			return new Result(c, List.of(), "undecodable: " + e.getMessage());
		}
		List<Alert> all = fire(events);
		List<String> also = also(c.file());
		List<Alert> alerts = new ArrayList<>();
		Map<String, Integer> alsoFired = new java.util.TreeMap<>();
		for (Alert a : all) {
			String stem = stemsById.get(a.getRuleId());
			if (stem != null && also.contains(stem) && !stem.equals(c.ruleStem())) {
				alsoFired.merge(stem, 1, Integer::sum);
			}
			else {
				alerts.add(a);
			}
		}
		for (String stem : also) {
			if (alsoFired.getOrDefault(stem, 0) != 1) {
				return new Result(c, all, "expected 1 alert of " + stem + " (named in the .also file), got "
						+ alsoFired.getOrDefault(stem, 0));
			}
		}
		if (c.expectation().equals("match")) {
			if (alerts.size() != 1) {
				return new Result(c, alerts, "expected 1 alert of " + c.ruleStem() + ", got " + describe(alerts));
			}
			String stem = stemsById.get(alerts.get(0).getRuleId());
			if (!c.ruleStem().equals(stem)) {
				return new Result(c, alerts, "expected " + c.ruleStem() + ", got " + describe(alerts));
			}
		}
		else if (!alerts.isEmpty()) {
			return new Result(c, alerts, "expected no alert, got " + describe(alerts));
		}
		return new Result(c, alerts, null);
	}

	/** The rule stems of the case's sidecar {@code <case>.also} file; empty without one. */
	static List<String> also(Path file) {
		String name = file.getFileName().toString().replaceFirst("\\.(nd)?json$", "");
		Path sidecar = file.resolveSibling(name + ".also");
		if (!Files.isRegularFile(sidecar)) {
			return List.of();
		}
		try {
			return Files.readAllLines(sidecar, StandardCharsets.UTF_8).stream().map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + sidecar, e);
		}
	}

	/** Runs every case. */
	public List<Result> runAll(List<Case> cases) {
		return cases.stream().map(this::run).toList();
	}

	/** Inserts the events in a fresh session and advances the clock past the longest window. */
	public List<Alert> fire(List<Event> events) {
		return rules.detect(events);
	}

	/** Decodes every non-blank line of a fixture file (shipper zone UTC), sorted by time. */
	public List<Event> decodeAll(Path file) throws DecodeException {
		List<Event> events = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					events.addAll(decoders.decode(line.getBytes(StandardCharsets.UTF_8), null));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
		events.sort(Comparator.comparing(Event::getTimestamp));
		return events;
	}

	private String describe(List<Alert> alerts) {
		if (alerts.isEmpty()) {
			return "none";
		}
		return alerts.size() + " (" + alerts.stream().map(a -> {
			String stem = stemsById.get(a.getRuleId());
			return stem == null ? a.getRuleName() : stem;
		}).collect(Collectors.joining(", ")) + ")";
	}
}
