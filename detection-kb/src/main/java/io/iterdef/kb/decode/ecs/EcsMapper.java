package io.iterdef.kb.decode.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.Channels;
import io.iterdef.kb.decode.TimeFastPaths;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Mappings;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link WinEvent} to ECS {@link Event}: the fields every Windows event has (@timestamp, event.*, host.name, winlog.*,
 * message, iterdef.format), then the {@link EventMapping} of its channel and event id from {@link Mappings}.
 * Thread-safe.
 */
public final class EcsMapper {

	/**
	 * Fields the mapped events' root, event and winlog objects hold at most, about: sized up front, as growing their
	 * maps showed in the decode profile.
	 */
	private static final int ROOT_FIELDS = 20;

	private static final int EVENT_FIELDS = 16;

	private static final int WINLOG_FIELDS = 20;

	private static final int MAX_CACHED = 1024;

	private static final Map<List<String>, String[]> MODULES = new ConcurrentHashMap<>();

	private static final String[] NO_MODULE = new String[0];

	private final Clock clock;

	private final boolean keepOriginal;

	/** The last event.ingested written (racy on purpose: any thread's value of the same millisecond is right). */
	private volatile Ingested lastIngested;

	/** A mapper stamping event.ingested from {@code clock}, without event.original. */
	public EcsMapper(Clock clock) {
		this(clock, false);
	}

	/** As {@link #EcsMapper(Clock)}; {@code keepOriginal} copies {@link WinEvent#original} to event.original. */
	public EcsMapper(Clock clock, boolean keepOriginal) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.keepOriginal = keepOriginal;
	}

	/** The ECS event; the WinEvent must have its id, timestamp and channel (format decoders guarantee it). */
	public Event map(WinEvent e) {
		return Event.ownTree(tree(e), e.timestamp); // tree() writes @timestamp as e.timestamp.toString() does
	}

	/** The ECS tree of the event (a new tree the caller owns). */
	public ObjectNode tree(WinEvent e) {
		ObjectNode ecs = sized(ROOT_FIELDS);
		ecs.put("@timestamp", TimeFastPaths.format(e.timestamp));
		ObjectNode event = sized(EVENT_FIELDS);
		ecs.set("event", event);
		event.put("id", e.id);
		event.put("code", Integer.toString(e.eventId));
		put(event, "provider", e.provider);
		event.put("kind", "event");
		String[] module = cachedModule(e.channel, e.provider);
		if (module != null) {
			event.put("module", module[0]);
			event.put("dataset", module[1]);
		}
		event.put("ingested", ingested());
		if (keepOriginal && e.original != null) {
			event.put("original", e.original);
		}
		if (present(e.computer)) {
			ecs.putObject("host").put("name", e.computer.trim().toLowerCase(Locale.ROOT));
		}
		ecs.set("winlog", winlog(e));
		put(ecs, "message", e.message);
		put(ecs.putObject("iterdef"), "format", e.format);
		Mappings.forEvent(e.channel, e.provider, e.eventId).map(e, ecs);
		return ecs;
	}

	private static ObjectNode winlog(WinEvent e) {
		ObjectNode w = sized(WINLOG_FIELDS);
		put(w, "channel", e.channel);
		if (e.recordId != null) {
			w.put("record_id", e.recordId.toString());
		}
		put(w, "computer_name", e.computer);
		put(w, "provider_name", e.provider);
		put(w, "provider_guid", e.providerGuid);
		w.put("event_id", Integer.toString(e.eventId));
		put(w, "task", e.task);
		put(w, "opcode", e.opcode);
		if (e.version != null) {
			w.put("version", e.version);
		}
		put(w, "keywords", e.keywords);
		put(w, "level", e.level);
		put(w, "activity_id", e.activityId);
		if (e.processId != null || e.threadId != null) {
			ObjectNode process = w.putObject("process");
			if (e.processId != null) {
				process.put("pid", e.processId);
			}
			if (e.threadId != null) {
				process.putObject("thread").put("id", e.threadId);
			}
		}
		ObjectNode user = Json.MAPPER.createObjectNode();
		put(user, "identifier", e.userSid);
		put(user, "name", e.userName);
		put(user, "domain", e.userDomain);
		put(user, "type", e.userType);
		if (!user.isEmpty()) {
			w.set("user", user);
		}
		// Sized for its fields up front: growing the map while copying a large EventData showed in the profile.
		ObjectNode data = sized(e.eventData.size() + e.unnamedData.size());
		w.set("event_data", data);
		for (Map.Entry<String, String> f : e.eventData.entrySet()) {
			data.put(f.getKey(), f.getValue());
		}
		int n = 1;
		for (String unnamed : e.unnamedData) {
			while (data.has("param" + n)) {
				n++;
			}
			data.put("param" + n++, unnamed);
		}
		return w;
	}

	/** event.ingested: now, to the millisecond; written once per millisecond (events come thousands a second). */
	private String ingested() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Ingested last = lastIngested;
		if (last == null || !last.time.equals(now)) {
			last = new Ingested(now, TimeFastPaths.format(now));
			lastIngested = last;
		}
		return last.text;
	}

	private record Ingested(Instant time, String text) {
	}

	/** {@link #module} resolved once per channel and provider as sent (at most {@value #MAX_CACHED} of them). */
	private static String[] cachedModule(String channel, String provider) {
		List<String> key = Arrays.asList(channel, provider);
		String[] module = MODULES.get(key);
		if (module == null) {
			module = module(channel, provider);
			module = module == null ? NO_MODULE : module;
			if (MODULES.size() < MAX_CACHED) {
				MODULES.put(key, module);
			}
		}
		return module == NO_MODULE ? null : module;
	}

	/** event.module and event.dataset by channel, the way Elastic's Windows integration names them; null if none. */
	static String[] module(String channel, String provider) {
		if (Channels.is(channel, Channels.SYSMON) || "Microsoft-Windows-Sysmon".equalsIgnoreCase(provider)) {
			return new String[] { "sysmon", "windows.sysmon_operational" };
		}
		if (channel == null) {
			return null;
		}
		return switch (channel.trim().toLowerCase(Locale.ROOT)) {
			case "security" -> new String[] { "security", "windows.security" };
			case "system" -> new String[] { "system", "windows.system" };
			case "application" -> new String[] { "application", "windows.application" };
			case "windows powershell" -> new String[] { "powershell", "windows.powershell" };
			case "microsoft-windows-powershell/operational" ->
				new String[] { "powershell", "windows.powershell_operational" };
			case "microsoft-windows-wmi-activity/operational" ->
				new String[] { "wmi", "windows.wmi_activity_operational" };
			case "microsoft-windows-taskscheduler/operational" ->
				new String[] { "taskscheduler", "windows.taskscheduler_operational" };
			default -> null;
		};
	}

	/** An empty object whose map holds n fields without growing. */
	private static ObjectNode sized(int n) {
		return new ObjectNode(Json.MAPPER.getNodeFactory(), new LinkedHashMap<>(capacity(n)));
	}

	/** A HashMap capacity that holds n entries without resizing (default load factor). */
	private static int capacity(int n) {
		return Math.max(16, (int) (n / 0.75f) + 1);
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

	private static void put(ObjectNode node, String key, String value) {
		if (value != null && !value.isEmpty()) {
			node.put(key, value);
		}
	}

}
