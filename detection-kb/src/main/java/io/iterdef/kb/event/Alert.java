package io.iterdef.kb.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An alert raised by a rule: the iterdef.alerts value. Immutable.
 *
 * <p>{@code suppressed_count} is how many further matches of the same rule and group key the engine suppressed
 * while this alert's suppression window ({@code @suppress}) was open, and {@code last_suppressed_at} the time of the
 * last of them. An alert is first emitted with 0 (at its first match, no detection delay); when its window closes
 * with suppressed matches, the engine emits the same alert again (same id, same {@code @timestamp}, so the same
 * Elasticsearch index and document) with the count: consumers overwrite by id and keep the highest count.
 */
public final class Alert {

	/** At most this many matched events are embedded in an alert (all their ids are kept). */
	public static final int MAX_EMBEDDED_EVENTS = 50;

	private final String id;

	private final Instant timestamp;

	private final String ruleId;

	private final String ruleName;

	private final String severity;

	private final String tactic;

	private final List<String> attack;

	private final String description;

	private final String hostName;

	private final String groupKey;

	private final List<String> eventIds;

	private final List<Event> events;

	private final long suppressedCount;

	private final Instant lastSuppressedAt;

	private final String rulesetVersion;

	private Alert(String id, Instant timestamp, String ruleId, String ruleName, String severity, String tactic,
			List<String> attack, String description, String hostName, String groupKey, List<String> eventIds,
			List<Event> events, long suppressedCount, Instant lastSuppressedAt, String rulesetVersion) {
		if (suppressedCount < 0) {
			throw new IllegalArgumentException("suppressedCount must not be negative: " + suppressedCount);
		}
		this.id = Objects.requireNonNull(id, "id");
		this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
		this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
		this.ruleName = ruleName;
		this.severity = severity;
		this.tactic = tactic;
		this.attack = List.copyOf(attack);
		this.description = description;
		this.hostName = hostName;
		this.groupKey = Objects.requireNonNull(groupKey, "groupKey");
		this.eventIds = List.copyOf(eventIds);
		this.events = List.copyOf(events);
		this.suppressedCount = suppressedCount;
		this.lastSuppressedAt = lastSuppressedAt;
		this.rulesetVersion = rulesetVersion;
	}

	/**
	 * Creates an alert for the matched events: they are put in time order, the alert time is the latest event's
	 * time, and the id is SHA-1 hex of {@code ruleId|groupKey|first event id}.
	 */
	public static Alert of(String ruleId, String ruleName, String severity, String tactic, List<String> attack,
			String description, String groupKey, List<Event> matched) {
		if (matched.isEmpty()) {
			throw new IllegalArgumentException("an alert needs at least one event");
		}
		List<Event> sorted = new ArrayList<>(matched);
		sorted.sort(Comparator.comparing(Event::getTimestamp).thenComparing(e -> String.valueOf(e.getId())));
		Event first = sorted.get(0);
		Event last = sorted.get(sorted.size() - 1);
		String id = alertId(ruleId, groupKey, first.getId());
		List<String> ids = sorted.stream().map(Event::getId).toList();
		List<Event> embedded = sorted.subList(0, Math.min(MAX_EMBEDDED_EVENTS, sorted.size()));
		String host = last.getHostName() != null ? last.getHostName() : first.getHostName();
		return new Alert(id, last.getTimestamp(), ruleId, ruleName, severity, tactic, attack, description, host,
				groupKey, ids, embedded, 0, null, null);
	}

	/**
	 * The same alert (same id and time) carrying the number of matches suppressed during its window and the time of
	 * the last one.
	 */
	public Alert withSuppressed(long count, Instant lastSuppressed) {
		return new Alert(id, timestamp, ruleId, ruleName, severity, tactic, attack, description, hostName, groupKey,
				eventIds, events, count, count == 0 ? null : Objects.requireNonNull(lastSuppressed, "lastSuppressed"),
				rulesetVersion);
	}

	/**
	 * The same alert (same id, so the same incident and document) recording the version of the rule set that raised
	 * it ({@code ruleset_version}).
	 */
	public Alert withRulesetVersion(String version) {
		return new Alert(id, timestamp, ruleId, ruleName, severity, tactic, attack, description, hostName, groupKey,
				eventIds, events, suppressedCount, lastSuppressedAt, version);
	}

	/** SHA-1 hex of {@code ruleId + "|" + groupKey + "|" + firstEventId}. */
	public static String alertId(String ruleId, String groupKey, String firstEventId) {
		return Json.sha1Hex(ruleId + "|" + groupKey + "|" + firstEventId);
	}

	public static Alert fromJson(byte[] json) {
		ObjectNode root = Json.parseObject(json);
		JsonNode rule = root.path("rule");
		List<String> attack = new ArrayList<>();
		rule.path("attack").forEach(n -> attack.add(n.asText()));
		List<String> ids = new ArrayList<>();
		root.path("event_ids").forEach(n -> ids.add(n.asText()));
		List<Event> events = new ArrayList<>();
		root.path("events").forEach(n -> events.add(Event.fromTree((ObjectNode) n)));
		String lastSuppressed = text(root, "last_suppressed_at");
		return new Alert(text(root, "id"), Instant.parse(text(root, "@timestamp")), text(rule, "id"),
				text(rule, "name"), text(rule, "severity"), text(rule, "tactic"), attack, text(rule, "description"),
				text(root.path("host"), "name"), text(root, "group_key"), ids, events,
				root.path("suppressed_count").asLong(0), lastSuppressed == null ? null : Instant.parse(lastSuppressed),
				text(root, "ruleset_version"));
	}

	public byte[] toJson() {
		return Json.write(toTree(true));
	}

	public String toJsonString() {
		return new String(toJson(), StandardCharsets.UTF_8);
	}

	/** The alert JSON without the embedded events (what the command line prints). */
	public String toSummaryJsonString() {
		return new String(Json.write(toTree(false)), StandardCharsets.UTF_8);
	}

	private ObjectNode toTree(boolean withEvents) {
		ObjectNode root = Json.MAPPER.createObjectNode();
		root.put("id", id);
		root.put("@timestamp", timestamp.toString());
		ObjectNode rule = root.putObject("rule");
		rule.put("id", ruleId);
		putIfPresent(rule, "name", ruleName);
		putIfPresent(rule, "severity", severity);
		putIfPresent(rule, "tactic", tactic);
		ArrayNode att = rule.putArray("attack");
		attack.forEach(att::add);
		putIfPresent(rule, "description", description);
		if (hostName != null) {
			root.putObject("host").put("name", hostName);
		}
		root.put("group_key", groupKey);
		ArrayNode ids = root.putArray("event_ids");
		eventIds.forEach(ids::add);
		root.put("suppressed_count", suppressedCount);
		if (lastSuppressedAt != null) {
			root.put("last_suppressed_at", lastSuppressedAt.toString());
		}
		putIfPresent(root, "ruleset_version", rulesetVersion);
		if (withEvents) {
			ArrayNode evs = root.putArray("events");
			events.forEach(e -> evs.add(e.toTree()));
		}
		return root;
	}

	private static void putIfPresent(ObjectNode node, String key, String value) {
		if (value != null) {
			node.put(key, value);
		}
	}

	private static String text(JsonNode node, String key) {
		JsonNode n = node.get(key);
		return n == null || n.isNull() ? null : n.asText();
	}

	public String getId() {
		return id;
	}

	public Instant getTimestamp() {
		return timestamp;
	}

	public String getRuleId() {
		return ruleId;
	}

	public String getRuleName() {
		return ruleName;
	}

	public String getSeverity() {
		return severity;
	}

	public String getTactic() {
		return tactic;
	}

	public List<String> getAttack() {
		return attack;
	}

	public String getDescription() {
		return description;
	}

	public String getHostName() {
		return hostName;
	}

	public String getGroupKey() {
		return groupKey;
	}

	public List<String> getEventIds() {
		return eventIds;
	}

	public List<Event> getEvents() {
		return events;
	}

	/** Matches of the same rule and group key suppressed while this alert's window was open (0 at first emission). */
	public long getSuppressedCount() {
		return suppressedCount;
	}

	/** Time of the last suppressed match, or null when none was suppressed. */
	public Instant getLastSuppressedAt() {
		return lastSuppressedAt;
	}

	/** The version of the rule set that raised this alert, or null when not recorded (offline runs). */
	public String getRulesetVersion() {
		return rulesetVersion;
	}

	@Override
	public String toString() {
		return "Alert[" + id + " " + ruleName + " " + groupKey + " " + timestamp
				+ (suppressedCount > 0 ? " +" + suppressedCount + " suppressed" : "") + "]";
	}
}
