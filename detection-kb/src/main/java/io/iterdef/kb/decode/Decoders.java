package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.agent.AgentResultDecoder;
import io.iterdef.kb.decode.ecs.EcsMapper;
import io.iterdef.kb.event.Event;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Entry point of the decoders: one raw shipper record to ECS {@link Event}s. The format is auto-detected per record
 * (or given as a hint): NXLog im_msvistalog JSON, flattened Log-Analytics JSON, Winlogbeat 7/8 and 6, Windows event
 * XML, evtx_dump JSON, syslog carrying any of them; and the agent server's agent-result records, which become
 * ECS events directly ({@link AgentResultDecoder}). Every refusal is a {@link DecodeException} with the reason and
 * the start of the record. Thread-safe.
 */
public final class Decoders {

	public static final String NXLOG_JSON = "nxlog-json";

	public static final String FLAT_JSON = "flat-json";

	public static final String WINLOGBEAT = "winlogbeat";

	public static final String WINLOGBEAT6 = "winlogbeat6";

	public static final String WINDOWS_XML = "windows-xml";

	public static final String EVTX_DUMP_JSON = "evtx-dump-json";

	public static final String SYSLOG = "syslog";

	/** The agent server's task results (header iterdef.format=agent-result on iterdef.raw). */
	public static final String AGENT_RESULT = AgentResultDecoder.NAME;

	private final List<FormatDecoder> formats;

	private final EcsMapper mapper;

	private final DecodeContext root;

	private final AgentResultDecoder agentResults;

	private Decoders(ZoneId collectorZone, Clock clock) {
		this.formats = List.copyOf(Registry.formats());
		this.mapper = new EcsMapper(Objects.requireNonNull(clock, "clock"));
		this.root = new DecodeContext(collectorZone, clock, this, null, null, 0);
		this.agentResults = new AgentResultDecoder(clock, this::windowsXmlTrees);
	}

	/** Decoders with shipper local times (NXLog EventTime) read in {@code collectorZone}; event.ingested = now. */
	public static Decoders defaults(ZoneId collectorZone) {
		return new Decoders(collectorZone, Clock.systemUTC());
	}

	/** As {@link #defaults(ZoneId)}, with the clock that stamps event.ingested (fixed in tests). */
	public static Decoders defaults(ZoneId collectorZone, Clock clock) {
		return new Decoders(collectorZone, clock);
	}

	/** The format hint names, in auto-detection order. */
	public List<String> formatNames() {
		List<String> names = new ArrayList<>(formats.stream().map(FormatDecoder::name).toList());
		names.add(AGENT_RESULT);
		return names;
	}

	/**
	 * Decodes one raw record (surrounding whitespace ignored) into its events (one, or several for a container).
	 * @param formatHint null or blank to auto-detect, else one of {@link #formatNames()}
	 * @throws DecodeException with the reason when the record cannot be decoded
	 */
	public List<Event> decode(byte[] record, String formatHint) throws DecodeException {
		if (isAgentResult(formatHint)) {
			return hintedAgentResult(record);
		}
		if (record != null && (formatHint == null || formatHint.isBlank())) {
			byte[] trimmed = trim(record);
			if (trimmed.length > 0 && trimmed[0] == '{') {
				return decodeJson(record, trimmed);
			}
		}
		return map(decodeWinEvents(record, formatHint), record);
	}

	/**
	 * An auto-detected JSON record, parsed once: an agent result (recordType agent-result, also spelled so in the
	 * bytes) or a shipper format.
	 */
	private List<Event> decodeJson(byte[] record, byte[] trimmed) throws DecodeException {
		ObjectNode json = DecodeContext.parseObject(trimmed);
		if (AgentResultDecoder.is(json) && AgentResultDecoder.mayBe(trimmed)) {
			return agentResult(trimmed, json);
		}
		List<WinEvent> events;
		try {
			events = detectJson(trimmed, json, root);
		}
		catch (DecodeException e) {
			throw e;
		}
		catch (RuntimeException | StackOverflowError e) {
			throw DecodeContext.refuse("decoder failed (" + e + ")", trimmed, e);
		}
		check(events, trimmed);
		return map(events, record);
	}

	private List<Event> map(List<WinEvent> events, byte[] record) throws DecodeException {
		List<Event> out = new ArrayList<>(events.size());
		try {
			for (WinEvent e : events) {
				out.add(mapper.map(e));
			}
		}
		catch (RuntimeException | StackOverflowError e) {
			throw DecodeContext.refuse("ECS mapping failed (" + e + ")", record, e);
		}
		return out;
	}

	/** A record with the hint agent-result. */
	private List<Event> hintedAgentResult(byte[] record) throws DecodeException {
		byte[] trimmed = record == null ? new byte[0] : trim(record);
		if (trimmed.length == 0) {
			throw new DecodeException("empty record");
		}
		return agentResult(trimmed, DecodeContext.parseObject(trimmed));
	}

	private List<Event> agentResult(byte[] trimmed, ObjectNode json) throws DecodeException {
		try {
			return agentResults.decode(trimmed, json);
		}
		catch (RuntimeException | StackOverflowError e) {
			throw DecodeContext.refuse("agent-result decoding failed (" + e + ")", trimmed, e);
		}
	}

	private static boolean isAgentResult(String formatHint) {
		return formatHint != null && AGENT_RESULT.equals(formatHint.trim().toLowerCase(Locale.ROOT));
	}

	/** Windows event XML (eventlog.query's events) to ECS trees. */
	private List<ObjectNode> windowsXmlTrees(byte[] xml) throws DecodeException {
		List<ObjectNode> trees = new ArrayList<>();
		for (WinEvent e : decodeWinEvents(xml, WINDOWS_XML)) {
			trees.add(mapper.tree(e));
		}
		return trees;
	}

	/** The format-independent events of one record, before the ECS mapping. */
	public List<WinEvent> decodeWinEvents(byte[] record, String formatHint) throws DecodeException {
		return decodeWinEvents(record, formatHint, root);
	}

	List<WinEvent> decodeWinEvents(byte[] record, String formatHint, DecodeContext ctx) throws DecodeException {
		if (record == null) {
			throw new DecodeException("empty record");
		}
		byte[] trimmed = trim(record);
		if (trimmed.length == 0) {
			throw new DecodeException("empty record");
		}
		List<WinEvent> events;
		try {
			events = formatHint == null || formatHint.isBlank() ? detect(trimmed, ctx)
					: byName(formatHint, trimmed).decode(trimmed, ctx);
		}
		catch (DecodeException e) {
			throw e;
		}
		catch (RuntimeException | StackOverflowError e) {
			throw DecodeContext.refuse("decoder failed (" + e + ")", trimmed, e);
		}
		check(events, trimmed);
		return events;
	}

	private List<WinEvent> detect(byte[] trimmed, DecodeContext ctx) throws DecodeException {
		if (trimmed[0] == '{' || trimmed[0] == '[') {
			return detectJson(trimmed, DecodeContext.parseObject(trimmed), ctx);
		}
		for (FormatDecoder f : formats) {
			if (!(f instanceof JsonFormatDecoder) && f.sniff(trimmed, null)) {
				return f.decode(trimmed, ctx);
			}
		}
		throw DecodeContext.refuse("not a known format (neither a JSON object, XML nor syslog; formats: "
				+ String.join(", ", formatNames()) + ")", trimmed);
	}

	private List<WinEvent> detectJson(byte[] trimmed, ObjectNode json, DecodeContext ctx) throws DecodeException {
		for (FormatDecoder f : formats) {
			if (f.sniff(trimmed, json)) {
				return f instanceof JsonFormatDecoder j ? j.decodeJson(trimmed, json, ctx) : f.decode(trimmed, ctx);
			}
		}
		throw DecodeContext.refuse("JSON object of no known shipper format (top-level fields: " + fieldNames(json)
				+ ")", trimmed);
	}

	private FormatDecoder byName(String hint, byte[] trimmed) throws DecodeException {
		String name = hint.trim().toLowerCase(Locale.ROOT);
		if (AGENT_RESULT.equals(name)) {
			throw new DecodeException("agent-result records become ECS events directly, not Windows events");
		}
		for (FormatDecoder f : formats) {
			if (f.name().equals(name)) {
				return f;
			}
		}
		throw new DecodeException("unsupported format hint: " + hint + " (supported: " + String.join(", ", formatNames()) + ")");
	}

	private static void check(List<WinEvent> events, byte[] trimmed) throws DecodeException {
		if (events == null || events.isEmpty()) {
			throw DecodeContext.refuse("no event in the record", trimmed);
		}
		for (WinEvent e : events) {
			if (e.id == null || e.timestamp == null || e.channel == null || e.format == null) {
				throw DecodeContext.refuse("decoder returned an incomplete event (id, timestamp, channel or format missing)",
						trimmed);
			}
		}
	}

	private static String fieldNames(ObjectNode json) {
		List<String> names = new ArrayList<>();
		json.fieldNames().forEachRemaining(names::add);
		String all = String.join(", ", names.size() > 12 ? names.subList(0, 12) : names);
		return names.size() > 12 ? all + ", ..." : all;
	}

	/** The record without leading and trailing ASCII whitespace and control characters (and a UTF-8 BOM). */
	static byte[] trim(byte[] raw) {
		int from = 0;
		int to = raw.length;
		if (to >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
			from = 3;
		}
		while (from < to && (raw[from] & 0xFF) <= 0x20) {
			from++;
		}
		while (to > from && (raw[to - 1] & 0xFF) <= 0x20) {
			to--;
		}
		return from == 0 && to == raw.length ? raw : Arrays.copyOfRange(raw, from, to);
	}

}
