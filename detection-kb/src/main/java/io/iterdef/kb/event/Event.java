package io.iterdef.kb.event;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Drools fact: an immutable normalized event, wrapping its ECS tree. Typed getters for the fields rules use
 * most; {@link #field(String)} for any dotted path.
 *
 * <p>An event parsed from JSON can be {@linkplain #compact(KeptFields) compacted} once the rules have seen it: the
 * tree (about 10 KiB of heap for a 2.3 KB Windows event) is dropped and the JSON it came from (which the event keeps)
 * and the values at the paths the rules read are what remain. Nothing a caller sees changes: a path that was not
 * kept is read from the JSON again. A detect session keeps every event for its longest window, so this sets how
 * many events per second a heap can hold.
 */
@Role(Role.Type.EVENT)
@Timestamp("timestampMillis")
public final class Event {

	/** The ECS tree; null once compacted. */
	private ObjectNode tree;

	/** The JSON the event was parsed from, or null when it was built from a tree. */
	private final byte[] json;

	/** Once compacted: the paths whose values were kept, to tell "absent" from "not kept". */
	private KeptFields keptFields;

	/**
	 * Once compacted: path, value pairs (value a {@link JsonNode} or null when absent), the kept paths present in the
	 * event and then any other path read since, remembered.
	 */
	private Object[] kept;

	/** {@link #hashCode()}, once computed (0: not yet). */
	private int hash;

	private final String id;

	private final Instant timestamp;

	private final String hostName;

	private final String code;

	private final String provider;

	private final String channel;

	private final String userName;

	private final String processExecutable;

	private final String processName;

	private final String commandLine;

	private final String parentProcessName;

	private final String parentCommandLine;

	private final boolean processStart;

	// The paths the constructor reads, split once (Event.node used to split them for every event decoded).
	private static final DottedPath EVENT_ID = DottedPath.of("event.id");

	private static final DottedPath TIMESTAMP = DottedPath.of("@timestamp");

	private static final DottedPath HOST_NAME = DottedPath.of("host.name");

	private static final DottedPath EVENT_CODE = DottedPath.of("event.code");

	private static final DottedPath EVENT_PROVIDER = DottedPath.of("event.provider");

	private static final DottedPath WINLOG_CHANNEL = DottedPath.of("winlog.channel");

	private static final DottedPath USER_NAME = DottedPath.of("user.name");

	private static final DottedPath PROCESS_EXECUTABLE = DottedPath.of("process.executable");

	private static final DottedPath PROCESS_NAME = DottedPath.of("process.name");

	private static final DottedPath PROCESS_COMMAND_LINE = DottedPath.of("process.command_line");

	private static final DottedPath PARENT_NAME = DottedPath.of("process.parent.name");

	private static final DottedPath PARENT_COMMAND_LINE = DottedPath.of("process.parent.command_line");

	private static final JsonPointer EVENT_CATEGORY = JsonPointer.compile("/event/category");

	private static final JsonPointer EVENT_TYPE = JsonPointer.compile("/event/type");

	private Event(ObjectNode tree) {
		this(tree, null, null);
	}

	/**
	 * {@code parsedTimestamp}: the tree's @timestamp already parsed by the caller, or null to parse it here;
	 * {@code json}: the JSON the tree was parsed from, or null.
	 */
	private Event(ObjectNode tree, Instant parsedTimestamp, byte[] json) {
		this.tree = tree;
		this.json = json;
		this.id = text(tree, EVENT_ID);
		String ts = text(tree, TIMESTAMP);
		if (ts == null) {
			throw new IllegalArgumentException("event has no @timestamp");
		}
		try {
			this.timestamp = parsedTimestamp != null ? parsedTimestamp : Instant.parse(ts);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("event has an invalid @timestamp: " + ts, e);
		}
		this.hostName = text(tree, HOST_NAME);
		this.code = text(tree, EVENT_CODE);
		this.provider = text(tree, EVENT_PROVIDER);
		this.channel = text(tree, WINLOG_CHANNEL);
		this.userName = text(tree, USER_NAME);
		this.processExecutable = text(tree, PROCESS_EXECUTABLE);
		this.processName = lower(text(tree, PROCESS_NAME));
		this.commandLine = text(tree, PROCESS_COMMAND_LINE);
		this.parentProcessName = lower(text(tree, PARENT_NAME));
		this.parentCommandLine = text(tree, PARENT_COMMAND_LINE);
		// A process start names the process: service state changes (System 7036) and PowerShell engine starts are
		// categorized process/start by Elastic too, but rules about process starts mean a new executable.
		this.processStart = contains(tree.at(EVENT_CATEGORY), "process") && contains(tree.at(EVENT_TYPE), "start")
				&& (this.processExecutable != null || this.processName != null);
	}

	/** Wraps a copy of the ECS tree. */
	public static Event fromTree(ObjectNode ecs) {
		return new Event(ecs.deepCopy());
	}

	/**
	 * Wraps the tree without copying it: for the decoder, which builds a tree for one event and never touches it
	 * again (the copy cost a third of the decode time). The caller must not change the tree afterwards.
	 */
	public static Event ownTree(ObjectNode ecs) {
		return new Event(ecs);
	}

	/**
	 * As {@link #ownTree(ObjectNode)}, for a tree whose @timestamp the caller wrote as {@code timestamp.toString()}:
	 * the instant is taken as is instead of being parsed back from that text (Instant.toString and Instant.parse
	 * round-trip exactly; the parse was a tenth of the decode time of the JSON formats).
	 */
	public static Event ownTree(ObjectNode ecs, Instant timestamp) {
		return new Event(ecs, Objects.requireNonNull(timestamp, "timestamp"), null);
	}

	/**
	 * Parses ECS event JSON (as written by {@link #toJson()}). The event keeps the bytes (a copy), so it can be
	 * {@linkplain #compact(KeptFields) compacted}.
	 */
	public static Event fromJson(byte[] json) {
		byte[] own = json.clone();
		return new Event(Json.parseObject(own), null, own);
	}

	/** The ECS JSON: the bytes it was parsed from, or the tree written out. */
	public byte[] toJson() {
		return json != null ? json.clone() : Json.write(tree);
	}

	public String toJsonString() {
		return new String(toJson(), StandardCharsets.UTF_8);
	}

	/** A copy of the ECS tree. */
	public ObjectNode toTree() {
		ObjectNode t = tree;
		return t != null ? t.deepCopy() : Json.parseObject(json);
	}

	/**
	 * Drops the ECS tree of an event parsed from JSON, keeping the values at {@code fields}' paths (the ones the rules
	 * read) that the event has; a no-op for an event built from a tree, or one already compacted. Every getter answers
	 * as before: {@link #field(String)} for a path that was not kept parses the JSON again (and remembers the answer).
	 * Not thread-safe against concurrent readers of the same event (a detect session calls it on its own events).
	 */
	public void compact(KeptFields fields) {
		ObjectNode t = tree;
		if (json == null || t == null) {
			return;
		}
		this.kept = fields.valuesIn(t);
		this.keptFields = fields;
		this.tree = null;
	}

	/** True once {@link #compact(KeptFields)} dropped the tree. */
	public boolean isCompact() {
		return tree == null;
	}

	public String getId() {
		return id;
	}

	public Instant getTimestamp() {
		return timestamp;
	}

	public long getTimestampMillis() {
		return timestamp.toEpochMilli();
	}

	public String getHostName() {
		return hostName;
	}

	public String getCode() {
		return code;
	}

	public String getProvider() {
		return provider;
	}

	public String getChannel() {
		return channel;
	}

	public String getUserName() {
		return userName;
	}

	/** The process image file name, lower-case (e.g. {@code powershell.exe}). */
	public String getProcessName() {
		return processName;
	}

	public String getProcessExecutable() {
		return processExecutable;
	}

	public String getCommandLine() {
		return commandLine;
	}

	/** The parent image file name, lower-case. */
	public String getParentProcessName() {
		return parentProcessName;
	}

	public String getParentCommandLine() {
		return parentCommandLine;
	}

	/** True for process creation events (event.category process, event.type start). */
	public boolean isProcessStart() {
		return processStart;
	}

	/** The value at a dotted ECS path as plain Java (String, Long, Double, Boolean, List, Map), or null. */
	public Object field(String dottedPath) {
		return Json.toJava(lookup(dottedPath));
	}

	/** The value at a dotted ECS path as text (numbers and booleans converted), or null when absent or structured. */
	public String fieldString(String dottedPath) {
		JsonNode n = lookup(dottedPath);
		return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
	}

	private JsonNode lookup(String dottedPath) {
		ObjectNode t = tree;
		if (t != null) {
			return node(t, dottedPath);
		}
		Object[] pairs = kept;
		for (int i = 0; i < pairs.length; i += 2) {
			if (dottedPath.equals(pairs[i])) {
				return (JsonNode) pairs[i + 1];
			}
		}
		if (keptFields.contains(dottedPath)) {
			return null; // kept, and the event has no value there
		}
		// a path no rule names literally (a helper's argument): read the JSON again, once per event and path
		JsonNode found = node(Json.parseObject(json), dottedPath);
		Object[] more = java.util.Arrays.copyOf(pairs, pairs.length + 2);
		more[pairs.length] = dottedPath;
		more[pairs.length + 1] = found;
		kept = more;
		return found;
	}

	private ObjectNode tree() {
		ObjectNode t = tree;
		return t != null ? t : Json.parseObject(json);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Event other && (this == other || tree().equals(other.tree()));
	}

	@Override
	public int hashCode() {
		int h = hash;
		if (h == 0) {
			h = tree().hashCode();
			hash = h;
		}
		return h;
	}

	@Override
	public String toString() {
		return "Event[" + id + " " + timestamp + " " + hostName + " " + provider + "/" + code + "]";
	}

	/**
	 * Resolves a dotted path. A key may itself contain dots (winlog.event_data keys never do, but ECS
	 * {@code @timestamp}-style keys might), so the longest matching key wins at each level.
	 */
	static JsonNode node(JsonNode root, String dottedPath) {
		JsonNode direct = root.get(dottedPath);
		if (direct != null) {
			return direct;
		}
		int dot = dottedPath.indexOf('.');
		while (dot > 0) {
			JsonNode child = root.get(dottedPath.substring(0, dot));
			if (child != null && child.isObject()) {
				JsonNode found = node(child, dottedPath.substring(dot + 1));
				if (found != null) {
					return found;
				}
			}
			dot = dottedPath.indexOf('.', dot + 1);
		}
		return null;
	}

	private static String text(JsonNode root, DottedPath path) {
		JsonNode n = node(root, path);
		return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
	}

	/** {@link #node(JsonNode, String)} for a path split beforehand: the same lookups, without substrings. */
	static JsonNode node(JsonNode root, DottedPath path) {
		JsonNode direct = root.get(path.whole);
		if (direct != null) {
			return direct;
		}
		for (int i = 0; i < path.heads.length; i++) {
			JsonNode child = root.get(path.heads[i]);
			if (child != null && child.isObject()) {
				JsonNode found = node(child, path.tails[i]);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * A dotted path and, for each dot {@link #node(JsonNode, String)} tries (left to right, none when the path
	 * starts with a dot), the key before it and the path after it.
	 */
	static final class DottedPath {

		final String whole;

		final String[] heads;

		final DottedPath[] tails;

		private DottedPath(String whole, String[] heads, DottedPath[] tails) {
			this.whole = whole;
			this.heads = heads;
			this.tails = tails;
		}

		static DottedPath of(String dottedPath) {
			List<String> heads = new ArrayList<>();
			List<DottedPath> tails = new ArrayList<>();
			int dot = dottedPath.indexOf('.');
			while (dot > 0) {
				heads.add(dottedPath.substring(0, dot));
				tails.add(of(dottedPath.substring(dot + 1)));
				dot = dottedPath.indexOf('.', dot + 1);
			}
			return new DottedPath(dottedPath, heads.toArray(new String[0]), tails.toArray(new DottedPath[0]));
		}

	}

	private static String lower(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}

	private static boolean contains(JsonNode array, String value) {
		if (array.isTextual()) {
			return value.equals(array.textValue());
		}
		for (JsonNode n : array) {
			if (value.equals(n.asText())) {
				return true;
			}
		}
		return false;
	}
}
