package io.iterdef.bench.system.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One raw NXLog JSON line of sample-events, cut where host, times and record number go, so that a copy on another
 * host at another time is written with a few array copies (no JSON tree per record: the sender must not compete with
 * the pipeline for the CPU). The rendered Message keeps its original text: the decoders do not read it.
 */
final class RecordTemplate {
	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern SLOT = Pattern.compile("\"~~N~~\"|~~([HTU])~~");

	private static final byte[] NEWLINE = { '\n' };

	/** What goes into a cut: host name, NXLog EventTime (also EventReceivedTime), Sysmon UtcTime, RecordNumber. */
	enum Slot {
		HOST, EVENT_TIME, UTC_TIME, RECORD_NUMBER
	}

	private final byte[][] segments;

	private final Slot[] slots;

	private RecordTemplate(byte[][] segments, Slot[] slots) {
		this.segments = segments;
		this.slots = slots;
	}

	static RecordTemplate of(String line) {
		ObjectNode record;
		try {
			record = (ObjectNode) JSON.readTree(line);
		}
		catch (IOException | ClassCastException e) {
			throw new IllegalArgumentException("not a JSON object line: " + line.substring(0, Math.min(80, line.length())),
					e);
		}
		if (!record.has("Hostname") || !record.has("EventTime")) {
			throw new IllegalArgumentException("not an NXLog record (no Hostname or EventTime): "
					+ line.substring(0, Math.min(80, line.length())));
		}
		record.put("Hostname", "~~H~~");
		record.put("EventTime", "~~T~~");
		if (record.has("EventReceivedTime")) {
			record.put("EventReceivedTime", "~~T~~");
		}
		if (record.has("UtcTime")) {
			record.put("UtcTime", "~~U~~");
		}
		if (record.has("RecordNumber")) {
			record.put("RecordNumber", "~~N~~");
		}
		String text;
		try {
			text = JSON.writeValueAsString(record);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<byte[]> segments = new ArrayList<>();
		List<Slot> slots = new ArrayList<>();
		Matcher m = SLOT.matcher(text);
		int from = 0;
		while (m.find()) {
			segments.add(text.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
			slots.add(m.group(1) == null ? Slot.RECORD_NUMBER : switch (m.group(1)) {
			case "H" -> Slot.HOST;
			case "T" -> Slot.EVENT_TIME;
			default -> Slot.UTC_TIME;
			});
			from = m.end();
		}
		segments.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
		return new RecordTemplate(segments.toArray(byte[][]::new), slots.toArray(Slot[]::new));
	}

	/** Writes the line (with its newline) for {@code host} at {@code time}, numbered {@code recordNumber}. */
	void write(OutputStream out, byte[] host, TimeText time, long recordNumber) throws IOException {
		for (int i = 0; i < slots.length; i++) {
			out.write(segments[i]);
			switch (slots[i]) {
			case HOST -> out.write(host);
			case EVENT_TIME -> out.write(time.seconds());
			case UTC_TIME -> out.write(time.millis());
			case RECORD_NUMBER -> out.write(Long.toString(recordNumber).getBytes(StandardCharsets.US_ASCII));
			}
		}
		out.write(segments[slots.length]);
		out.write(NEWLINE);
	}
}
