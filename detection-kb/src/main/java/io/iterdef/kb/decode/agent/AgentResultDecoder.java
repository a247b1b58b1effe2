package io.iterdef.kb.decode.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * agent-result records (what the agent server publishes to iterdef.raw for every finished task) to ECS events:
 * one per process, directory entry, connection or memory-scan hit, one for file.hash/file.stat/file.collect,
 * agent.info and agent.update, eventlog.query's events through the Windows XML decoder, and one
 * {@code event.outcome: failure} event for a failed task; a task that found nothing gives one event with
 * {@code iterdef.task.items: 0}. {@code @timestamp} is the task's finishedAt (an eventlog.query event keeps its own
 * time, module and provider). Every event carries the agent provenance ({@code event.module/provider
 * iterdef-agent}, {@code event.dataset agent.<type>}, {@code agent.id}, {@code iterdef.task.*}) and as id the SHA-1
 * of {@code <taskId>:<index>}, so a replayed result overwrites instead of doubling. Thread-safe.
 */
public final class AgentResultDecoder {

	public static final String NAME = AgentResult.RECORD_TYPE;

	public static final String MODULE = "iterdef-agent";

	private static final byte[] MARKER = "agent-result".getBytes(StandardCharsets.UTF_8);

	/** Decodes the Windows event XML of eventlog.query into ECS trees (the Windows XML decoder + ECS mapping). */
	@FunctionalInterface
	public interface WindowsXml {

		List<ObjectNode> decode(byte[] xml) throws DecodeException;

	}

	private final Clock clock;

	private final WindowsXml windowsXml;

	public AgentResultDecoder(Clock clock, WindowsXml windowsXml) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.windowsXml = Objects.requireNonNull(windowsXml, "windowsXml");
	}

	/**
	 * Whether the bytes spell "agent-result" somewhere: {@link io.iterdef.kb.decode.Decoders} auto-detects an agent
	 * result by {@link #is} and this (a recordType written only with JSON escapes is not taken for one).
	 */
	public static boolean mayBe(byte[] trimmed) {
		outer: for (int i = 0; i + MARKER.length <= trimmed.length; i++) {
			for (int j = 0; j < MARKER.length; j++) {
				if (trimmed[i + j] != MARKER[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** True when the parsed record says {@code "recordType": "agent-result"}. */
	public static boolean is(JsonNode json) {
		return AgentResult.is(json);
	}

	/** The events of one agent-result record; refuses a malformed one with the reason. */
	public List<Event> decode(byte[] trimmed, ObjectNode json) throws DecodeException {
		AgentResult r = AgentResult.parse(json, trimmed);
		List<ObjectNode> trees;
		if (r.failed()) {
			trees = List.of(failure(r));
		}
		else if ("eventlog.query".equals(r.taskType())) {
			trees = windowsEvents(r, trimmed);
		}
		else {
			try {
				trees = new ArrayList<>(AgentItems.of(r.taskType(), r.data()));
			}
			catch (IllegalArgumentException e) {
				throw DecodeContext.refuse("agent-result of " + r.taskType() + " task " + r.taskId() + ": "
						+ e.getMessage(), trimmed);
			}
		}
		int items = r.failed() ? 0 : trees.size();
		if (trees.isEmpty()) {
			trees = List.of(Json.MAPPER.createObjectNode()); // nothing found: still one event saying so
		}
		List<Event> events = new ArrayList<>(trees.size());
		String ingested = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
		for (int i = 0; i < trees.size(); i++) {
			events.add(Event.ownTree(provenance(trees.get(i), r, i, items, ingested)));
		}
		return events;
	}

	private static ObjectNode failure(AgentResult r) {
		ObjectNode t = Json.MAPPER.createObjectNode();
		t.putObject("event").put("outcome", "failure");
		EcsTree.put(t, "error.message", r.error() == null ? "the agent reported a failure without a reason" : r.error());
		String path = r.param("path");
		EcsTree.put(t, "file.path", path);
		EcsTree.put(t, "file.name", EcsTree.fileName(path));
		return t;
	}

	/** eventlog.query: each returned {@code <Event>} through the Windows XML decoder, as ordinary Windows events. */
	private List<ObjectNode> windowsEvents(AgentResult r, byte[] trimmed) throws DecodeException {
		JsonNode list = r.data().get("events");
		if (list == null || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw DecodeContext.refuse("agent-result of eventlog.query task " + r.taskId() + ": data.events is not a list",
					trimmed);
		}
		List<ObjectNode> trees = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			JsonNode xml = list.get(i);
			if (!xml.isTextual()) {
				throw DecodeContext.refuse("agent-result of eventlog.query task " + r.taskId() + ": data.events[" + i
						+ "] is not a string of event XML", trimmed);
			}
			try {
				for (ObjectNode tree : windowsXml.decode(xml.textValue().getBytes(StandardCharsets.UTF_8))) {
					trees.add(tree);
				}
			}
			catch (DecodeException e) {
				throw DecodeContext.refuse("agent-result of eventlog.query task " + r.taskId() + ": data.events[" + i
						+ "]: " + e.getMessage(), trimmed, e);
			}
		}
		return trees;
	}

	/** The item's tree with the fields every agent event has (a new tree, @timestamp first, unless from XML). */
	private static ObjectNode provenance(ObjectNode item, AgentResult r, int index, int items, String ingested) {
		boolean windows = item.path("event").has("code"); // an eventlog.query event keeps its own time and module
		ObjectNode t = item;
		if (!windows) {
			t = Json.MAPPER.createObjectNode();
			t.put("@timestamp", r.finishedAt().toString());
			t.putObject("event");
			t.setAll(item);
		}
		ObjectNode event = (ObjectNode) t.get("event");
		if (!windows) {
			event.put("kind", "event");
			event.put("module", MODULE);
			event.put("provider", MODULE);
			event.put("dataset", "agent." + r.taskType());
			event.put("action", r.taskType());
			if (!event.has("outcome")) {
				event.put("outcome", "success");
			}
			EcsTree.put(t, "host.name", r.host());
			EcsTree.put(t, "iterdef.format", NAME);
		}
		event.put("id", Json.sha1Hex(r.taskId() + ":" + index));
		event.put("ingested", ingested);
		if (!t.path("host").has("name")) {
			EcsTree.put(t, "host.name", r.host());
		}
		EcsTree.put(t, "host.os.type", r.os());
		EcsTree.put(t, "agent.id", r.agentId());
		EcsTree.put(t, "agent.type", MODULE);
		EcsTree.put(t, "iterdef.task.id", r.taskId());
		EcsTree.put(t, "iterdef.task.type", r.taskType());
		EcsTree.put(t, "iterdef.task.status", r.status());
		EcsTree.put(t, "iterdef.task.source", r.source());
		EcsTree.put(t, "iterdef.task.requested_by", r.requestedBy());
		EcsTree.put(t, "iterdef.task.rule_id", r.ruleId());
		EcsTree.put(t, "iterdef.task.alert_id", r.alertId());
		EcsTree.put(t, "iterdef.task.attempt", r.attempt());
		EcsTree.put(t, "iterdef.task.finished_at", r.finishedAt().toString());
		EcsTree.put(t, "iterdef.task.items", (long) items);
		return t;
	}

}
