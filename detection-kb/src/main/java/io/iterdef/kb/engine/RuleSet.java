package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.KeptFields;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A compiled set of DRL rules (one KieBase, STREAM mode), built programmatically from the DRL text. */
public final class RuleSet {

	private static final Duration EXPIRATION_MARGIN = Duration.ofSeconds(1);

	private final KieBase kieBase;

	private final Map<String, RuleInfo> rules;

	private final List<String> warnings;

	private final KeptFields fieldsRead;

	/** {@code field("…")} and {@code fieldString("…")} with a literal path, in DRL text. */
	private static final Pattern FIELD_READ = Pattern
		.compile("\\bfield(?:String)?\\(\\s*\"((?:[^\"\\\\\\n]|\\\\.)+)\"\\s*\\)");

	/** Qualified names of the eager rules ({@link EagerRules}), evaluated on arrival by a stream detector. */
	private final Set<String> eager;

	/** Builds further KieBases from the compiled rules (for a stream detector's sessions), without compiling again. */
	private final Supplier<KieBase> newKieBase;

	/** A stream detector's KieBases, built on the first one. */
	private StreamBases streamBases;

	/** The main session's rules (all but the eager ones) and the eager rules alone (null when there are none). */
	private record StreamBases(KieBase main, KieBase eager) {
	}

	private RuleSet(KieBase kieBase, Map<String, RuleInfo> rules, List<String> warnings, Set<String> eager,
			Supplier<KieBase> newKieBase, KeptFields fieldsRead) {
		this.kieBase = kieBase;
		this.rules = rules;
		this.warnings = warnings;
		this.eager = eager;
		this.newKieBase = newKieBase;
		this.fieldsRead = fieldsRead;
	}

	/** All DRL under classpath:rules/** (directories and jars). */
	public static RuleSet fromClasspath() {
		return compile(DrlSources.fromClasspath(RuleSet.class.getClassLoader()));
	}

	/** All *.drl under {@code dir}, recursively. */
	public static RuleSet fromDirectory(Path dir) {
		return compile(DrlSources.fromDirectory(dir));
	}

	/**
	 * Compiles DRL texts keyed by source path (the path decides the package folder in error messages).
	 * @throws IllegalArgumentException listing the errors when a rule does not compile
	 */
	public static RuleSet compile(Map<String, String> drlByPath) {
		if (drlByPath.isEmpty()) {
			throw new IllegalArgumentException("no DRL rules found");
		}
		KieServices ks = KieServices.get();
		KieFileSystem kfs = ks.newKieFileSystem();
		ReleaseId releaseId = ks.newReleaseId("io.iterdef.rules", "ruleset", "0.0.0-" + UUID.randomUUID());
		kfs.generateAndWritePomXML(releaseId);
		drlByPath.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
		KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
		List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("rules do not compile:\n"
					+ errors.stream().map(RuleSet::describe).collect(Collectors.joining("\n")));
		}
		List<String> refused = CollectCheck.errors(drlByPath);
		if (!refused.isEmpty()) {
			throw new IllegalArgumentException("rules do not compile:\n" + String.join("\n", refused));
		}
		List<String> warnings = builder.getResults().getMessages(Message.Level.WARNING).stream()
			.map(RuleSet::describe).toList();
		KieBaseConfiguration conf = ks.newKieBaseConfiguration();
		conf.setOption(EventProcessingOption.STREAM);
		KieContainer container = ks.newKieContainer(releaseId);
		KieBase kieBase = container.newKieBase(conf);
		ks.getRepository().removeKieModule(releaseId);
		Map<String, RuleInfo> rules = new LinkedHashMap<>();
		List<Rule> all = new ArrayList<>();
		for (KiePackage pkg : kieBase.getKiePackages()) {
			all.addAll(pkg.getRules());
		}
		all.sort(Comparator.comparing(Rule::getPackageName).thenComparing(Rule::getName));
		for (Rule rule : all) {
			RuleInfo info = RuleInfo.of(rule);
			rules.put(info.qualifiedName(), info);
		}
		applyEventExpiration(kieBase, rules.values());
		Set<String> eager = Set.copyOf(EagerRules.of(drlByPath, rules));
		return new RuleSet(kieBase, rules, warnings, eager, () -> container.newKieBase(conf), fieldsRead(drlByPath));
	}

	/**
	 * A stream detector's two KieBases: the main session's without the eager rules (so that an event released by the
	 * reorder buffer does not evaluate them a second time) and one with the eager rules alone. Built once, from the
	 * compiled packages (no second compilation), event expiration as for the whole set.
	 */
	private synchronized StreamBases streamBases() {
		if (streamBases == null) {
			if (eager.isEmpty()) {
				streamBases = new StreamBases(kieBase, null);
			}
			else {
				KieBase main = newKieBase.get();
				KieBase eagerOnly = newKieBase.get();
				for (RuleInfo r : rules.values()) {
					(eager.contains(r.qualifiedName()) ? main : eagerOnly).removeRule(r.packageName(), r.name());
				}
				applyEventExpiration(main, rules.values());
				applyEventExpiration(eagerOnly, rules.values());
				streamBases = new StreamBases(main, eagerOnly);
			}
		}
		return streamBases;
	}

	/**
	 * The paths the rules read with {@code field("…")} or {@code fieldString("…")} (a literal path), which the
	 * sessions keep when they compact an event they have evaluated. A path read some other way (a helper's argument)
	 * still works: the event reads its JSON again for it.
	 */
	static KeptFields fieldsRead(Map<String, String> drlByPath) {
		Set<String> paths = new TreeSet<>();
		for (String drl : drlByPath.values()) {
			Matcher m = FIELD_READ.matcher(drl);
			while (m.find()) {
				paths.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
			}
		}
		return KeptFields.of(paths);
	}

	/** The paths the rules read by name, kept when a session compacts an evaluated event. */
	public KeptFields fieldsRead() {
		return fieldsRead;
	}

	/**
	 * Bounds how long the session keeps events. A rule whose trigger pattern has no temporal constraint makes the
	 * engine infer "keep forever", so the retention is set explicitly: the longest {@code @window} of the rules
	 * (plus a second), at least what the engine inferred when that is finite. Must run before any session exists.
	 */
	private static void applyEventExpiration(KieBase kieBase, Iterable<RuleInfo> rules) {
		long window = 0;
		for (RuleInfo r : rules) {
			window = Math.max(window, r.window().toMillis());
		}
		long retention = window + EXPIRATION_MARGIN.toMillis();
		if (kieBase instanceof InternalRuleBase base) {
			for (ObjectTypeNode otn : base.getRete().getObjectTypeNodes()) {
				if (otn.getObjectType().isAssignableFrom(io.iterdef.kb.event.Event.class)) {
					long inferred = otn.getExpirationOffset();
					otn.setExpirationOffset(inferred < 0 ? retention : Math.max(inferred, retention));
				}
			}
		}
	}

	/** The rules' metadata, ordered by package and name. */
	public List<RuleInfo> rules() {
		return List.copyOf(rules.values());
	}

	/**
	 * True for a rule a stream detector evaluates when an event arrives, before the reorder buffer (see
	 * {@link EagerRules}): a single-event rule on one {@code Event} pattern whose consequence does not change working
	 * memory.
	 */
	public boolean isEager(RuleInfo rule) {
		return eager.contains(rule.qualifiedName());
	}

	/** Compiler warnings (empty for a clean rule set). */
	public List<String> warnings() {
		return warnings;
	}

	/**
	 * How long events must be kept to rebuild a session's state: the longest {@code @window} of the rules (zero when
	 * no rule correlates over time).
	 */
	public Duration longestWindow() {
		return rules.values().stream().map(RuleInfo::window).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
	}

	/** A new STREAM-mode session with a pseudo clock (at epoch 0 until the first event). */
	public DetectionSession newSession(AlertSink sink) {
		return newSession(sink, ResponseSink.NONE);
	}

	/** As {@link #newSession(AlertSink)}, the rules' task requests ({@code response.collect}) going to {@code responses}. */
	public DetectionSession newSession(AlertSink sink, ResponseSink responses) {
		return new DetectionSession(kieBase, rules, sink, responses, fieldsRead);
	}

	/**
	 * A reorder buffer with {@code grace} of event time in front of a new session, for a live stream: see
	 * {@link StreamDetector} (late events, counted). {@code onRuleError} is told when a rule throws on an event.
	 */
	public StreamDetector newStreamDetector(Duration grace, AlertSink sink,
			BiConsumer<Event, RuntimeException> onRuleError) {
		return newStreamDetector(grace, sink, ResponseSink.NONE, onRuleError);
	}

	/** As {@link #newStreamDetector(Duration, AlertSink, BiConsumer)}, with the rules' task requests. */
	public StreamDetector newStreamDetector(Duration grace, AlertSink sink, ResponseSink responses,
			BiConsumer<Event, RuntimeException> onRuleError) {
		StreamBases bases = streamBases();
		return new StreamDetector(new DetectionSession(bases.main(), kieBase, bases.eager(), rules, sink, responses, fieldsRead),
				grace, onRuleError);
	}

	/**
	 * The alerts the live detect task raises for these events in the order they arrive: a stream detector with
	 * {@code grace}, flushed at the end and its suppression windows closed; each alert once, with its final count. The
	 * same as {@link #detect(List)} except where arrival order matters: an eager single-event rule judges an event on
	 * arrival, so of a Sysmon 1 / Security 4688 pair of one process start the first to arrive raises the alert.
	 */
	public List<Alert> detectAsStreamed(List<Event> eventsInArrivalOrder, Duration grace) {
		Map<String, Alert> alerts = new LinkedHashMap<>();
		try (StreamDetector detector = newStreamDetector(grace, a -> alerts.put(a.getId(), a), (e, ex) -> {
			throw ex;
		})) {
			eventsInArrivalOrder.forEach(detector::add);
			detector.flush();
			detector.session().closeSuppressionWindows();
		}
		return new ArrayList<>(alerts.values());
	}

	/**
	 * Runs events offline, as {@code iterdef detect} does: sorted by time (stable, so input order stays within a
	 * millisecond), through one fresh session, then the clock advanced past the longest window so that every window
	 * closes, and the pending suppression counts emitted. Returns each alert once, in the order alerts were first
	 * raised, carrying its final {@link Alert#getSuppressedCount() suppressed count} (a stream emits the alert and
	 * later its update; offline only the final state is interesting).
	 */
	public List<Alert> detect(List<Event> events) {
		return detect(events, done -> {
		});
	}

	/** {@link #detect(List)}, telling {@code progress} how many events have been evaluated, after each event. */
	public List<Alert> detect(List<Event> events, LongConsumer progress) {
		return detect(events, progress, ResponseSink.NONE);
	}

	/** {@link #detect(List, LongConsumer)} with the rules' task requests going to {@code responses}. */
	public List<Alert> detect(List<Event> events, LongConsumer progress, ResponseSink responses) {
		List<Event> sorted = new ArrayList<>(events);
		sorted.sort(Comparator.comparing(Event::getTimestamp));
		return detect(sorted.iterator(), progress, responses);
	}

	/**
	 * The streaming form of {@link #detect(List)} for input already sorted by time (a search sorted on
	 * {@code @timestamp}, say), so that a long range never has to be held in memory: each event inserted into one
	 * fresh session as it comes, then the clock advanced past the longest window after the last one, the pending
	 * suppression counts emitted, and each alert returned once with its final count. {@code progress} is told how
	 * many events have been evaluated, after each event.
	 */
	public List<Alert> detect(Iterator<Event> sortedEvents, LongConsumer progress) {
		return detect(sortedEvents, progress, ResponseSink.NONE);
	}

	/**
	 * {@link #detect(Iterator, LongConsumer)}, the rules' task requests going to {@code responses} as they are made
	 * (each once: a request is only made with a new alert).
	 */
	public List<Alert> detect(Iterator<Event> sortedEvents, LongConsumer progress, ResponseSink responses) {
		Map<String, Alert> alerts = new LinkedHashMap<>();
		try (DetectionSession session = newSession(a -> alerts.put(a.getId(), a), responses)) {
			long done = 0;
			Event last = null;
			while (sortedEvents.hasNext()) {
				last = sortedEvents.next();
				session.insert(last);
				progress.accept(++done);
			}
			if (last != null) {
				session.advanceTo(last.getTimestamp().plus(longestWindow()));
			}
			session.closeSuppressionWindows();
		}
		return new ArrayList<>(alerts.values());
	}

	KieBase kieBase() {
		return kieBase;
	}

	private static String describe(Message m) {
		return m.getLevel() + " " + m.getPath() + (m.getLine() > 0 ? ":" + m.getLine() : "") + ": " + m.getText();
	}
}
