package io.iterdef.bench.mix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.bench.mix.Templates.Kind;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A generated but realistic mix of ECS events on a few hundred hosts: process creations (Sysmon 1), network
 * connections (Sysmon 3), logons (4624) and failed logons (4625). Each event is a real NXLog record of sample-events
 * with host, time, process or account changed, decoded by detection-kb's decoders, so every engine sees exactly what
 * normalize would produce. Deterministic for a seed; times are strictly increasing, one millisecond apart at least
 * (no ties, so that "within 5 minutes" means the same to every engine).
 */
public final class EventMix {

	/** The mix starts here: an hour of a working day. */
	static final Instant START = Instant.parse("2026-11-18T08:00:00Z");

	static final Duration SPAN = Duration.ofHours(1);

	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private EventMix() {
	}

	/** {@code events} events on {@code hosts} hosts over an hour, in time order. */
	public static List<Event> generate(int hosts, int events, long seed) {
		Activity activity = new Activity(new Random(seed), hosts, SPAN.toMillis());
		List<Spec> specs = new ArrayList<>(events + 16);
		while (specs.size() < events) {
			activity.next(specs, START.toEpochMilli());
		}
		specs = new ArrayList<>(specs.subList(0, events));
		specs.sort(Comparator.comparingLong(Spec::millis));
		Templates templates = new Templates();
		// event.ingested from a fixed clock: the same mix in every fork and every run
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC, Clock.fixed(START.plus(SPAN), ZoneOffset.UTC));
		List<Event> mix = new ArrayList<>(events);
		long last = Long.MIN_VALUE;
		for (int i = 0; i < specs.size(); i++) {
			long t = Math.max(specs.get(i).millis(), last + 1);
			last = t;
			mix.add(decode(decoders, record(templates, specs.get(i).at(t), i), Instant.ofEpochMilli(t)));
		}
		return mix;
	}

	static String hostName(int host) {
		return String.format("WS%03d.corp.example.org", host);
	}

	private static ObjectNode record(Templates templates, Spec s, int n) {
		ObjectNode r = templates.copy(s.kind());
		Instant t = Instant.ofEpochMilli(s.millis());
		r.put("EventTime", EVENT_TIME.format(t));
		r.put("EventReceivedTime", EVENT_TIME.format(t.plusSeconds(1)));
		r.put("Hostname", hostName(s.host()));
		r.put("RecordNumber", 1_000_000 + n);
		if (s.kind() == Kind.PROCESS_START || s.kind() == Kind.NETWORK_CONNECTION) {
			r.put("UtcTime", UTC_TIME.format(t));
			r.put("ProcessId", String.valueOf(1000 + n % 60_000));
			r.put("Image", s.image());
		}
		if (s.kind() == Kind.PROCESS_START) {
			r.put("OriginalFileName", s.image().substring(s.image().lastIndexOf('\\') + 1));
			r.put("CommandLine", s.commandLine());
			r.put("ParentImage", s.parentImage());
			r.put("ParentCommandLine", s.parentImage());
		}
		else if (s.kind() == Kind.NETWORK_CONNECTION) {
			r.put("SourceHostname", hostName(s.host()));
			r.put("DestinationIp", s.ip());
		}
		else {
			r.put("TargetUserName", s.user());
			r.put("IpAddress", s.ip());
			r.put("LogonType", "3");
		}
		return r;
	}

	/** Decodes the record and sets the event's time to the millisecond (NXLog's EventTime has whole seconds). */
	private static Event decode(Decoders decoders, ObjectNode record, Instant t) {
		try {
			List<Event> decoded = decoders.decode(Json.write(record), null);
			if (decoded.size() != 1) {
				throw new IllegalStateException("expected one event from " + record);
			}
			ObjectNode tree = decoded.get(0).toTree();
			tree.put("@timestamp", t.toString());
			return Event.ownTree(tree, t);
		}
		catch (DecodeException e) {
			throw new IllegalStateException("the mix's record does not decode: " + e.getMessage(), e);
		}
	}
}
