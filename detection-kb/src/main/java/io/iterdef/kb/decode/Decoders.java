package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * XML, evtx_dump JSON, syslog carrying any of them. Every refusal is a {@link DecodeException} with the reason and
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

	private final List<FormatDecoder> formats;

	private final EcsMapper mapper;

	private final DecodeContext root;

	private Decoders(ZoneId collectorZone, Clock clock) {
		this.formats = List.copyOf(Registry.formats());
		this.mapper = new EcsMapper(Objects.requireNonNull(clock, "clock"));
		this.root = new DecodeContext(collectorZone, clock, this, null, null, 0);
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
		return formats.stream().map(FormatDecoder::name).toList();
	}

	/**
	 * Decodes one raw record (surrounding whitespace ignored) into its events (one, or several for a container).
	 * @param formatHint null or blank to auto-detect, else one of {@link #formatNames()}
	 * @throws DecodeException with the reason when the record cannot be decoded
	 */
	public List<Event> decode(byte[] record, String formatHint) throws DecodeException {
		List<WinEvent> events = decodeWinEvents(record, formatHint);
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
			ObjectNode json = DecodeContext.parseObject(trimmed);
			for (FormatDecoder f : formats) {
				if (f.sniff(trimmed, json)) {
					return f instanceof JsonFormatDecoder j ? j.decodeJson(trimmed, json, ctx) : f.decode(trimmed, ctx);
				}
			}
			throw DecodeContext.refuse("JSON object of no known shipper format (top-level fields: "
					+ fieldNames(json) + ")", trimmed);
		}
		for (FormatDecoder f : formats) {
			if (!(f instanceof JsonFormatDecoder) && f.sniff(trimmed, null)) {
				return f.decode(trimmed, ctx);
			}
		}
		throw DecodeContext.refuse("not a known format (neither a JSON object, XML nor syslog; formats: "
				+ String.join(", ", formatNames()) + ")", trimmed);
	}

	private FormatDecoder byName(String hint, byte[] trimmed) throws DecodeException {
		String name = hint.trim().toLowerCase(Locale.ROOT);
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
