package io.iterdef.kb.decode.xml;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.FormatDecoder;
import io.iterdef.kb.decode.WinEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Windows event XML: Windows' own rendering (EvtRender, wevtutil, Winlogbeat's event.original) and libevtx's
 * (evtxexport -f xml), a single {@code <Event>}, an {@code <Events>} wrapper or several {@code <Event>}s in a row.
 * Each event's id is the SHA-1 of its own {@code <Event>...</Event>} bytes, so it does not depend on the wrapper
 * or on the other events sent with it. A record with a bad event is refused as a whole, naming the event.
 */
public final class WindowsXmlDecoder implements FormatDecoder {

	public static final String NAME = "windows-xml";

	@Override
	public String name() {
		return NAME;
	}

	/** Markup that is not a syslog priority ({@code <13>}): a declaration, a comment or an element; or UTF-16. */
	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		if (startsWith(trimmed, 0xFF, 0xFE) || startsWith(trimmed, 0xFE, 0xFF)) {
			return true;
		}
		int at = startsWith(trimmed, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		return json == null && trimmed.length > at + 1 && trimmed[at] == '<'
				&& (trimmed[at + 1] == '?' || trimmed[at + 1] == '!' || Character.isLetter((char) trimmed[at + 1]));
	}

	@Override
	public List<WinEvent> decode(byte[] trimmed, DecodeContext ctx) throws DecodeException {
		byte[] xml = trimmed;
		boolean utf16 = startsWith(xml, 0xFF, 0xFE) || startsWith(xml, 0xFE, 0xFF);
		if (utf16) { // wevtutil and PowerShell redirections write UTF-16 with a byte order mark
			// (trimming the record may have cut the last NUL of little-endian text: put it back)
			byte[] even = xml.length % 2 == 0 ? xml : Arrays.copyOf(xml, xml.length + 1);
			String text = new String(even, StandardCharsets.UTF_16).replaceFirst("[\\s\uFFFD\u0000]+$", "");
			xml = text.getBytes(StandardCharsets.UTF_8);
		}
		List<EventXmlSplitter.Chunk> chunks;
		try {
			chunks = EventXmlSplitter.split(xml);
		}
		catch (DecodeException e) {
			throw DecodeContext.refuse("not Windows event XML: " + e.getMessage(), trimmed, e);
		}
		List<WinEvent> events = new ArrayList<>(chunks.size());
		for (int i = 0; i < chunks.size(); i++) {
			EventXmlSplitter.Chunk chunk = chunks.get(i);
			if (utf16) {
				chunk = new EventXmlSplitter.Chunk(chunk.xml(), chunk.line(), "UTF-8");
			}
			try {
				events.add(decode(chunk, ctx));
			}
			catch (DecodeException e) {
				String which = chunks.size() == 1 ? "" : "event " + (i + 1) + " of " + chunks.size() + " (line "
						+ chunk.line() + "): ";
				throw DecodeContext.refuse(which + e.getMessage(), chunk.xml(), e);
			}
		}
		return events;
	}

	/** One {@code <Event>} element as the splitter found it (also used by the CLI, which streams large files). */
	public static WinEvent decode(EventXmlSplitter.Chunk chunk, DecodeContext ctx) throws DecodeException {
		WinEvent e = EventXmlParser.parse(chunk);
		if (e.eventId < 0) {
			throw new DecodeException("no System/EventID");
		}
		if (e.channel == null) {
			throw new DecodeException("no System/Channel");
		}
		if (e.timestamp == null) {
			e.timestamp = ctx.fallbackTime();
			if (e.timestamp == null) {
				throw new DecodeException("no System/TimeCreated/@SystemTime");
			}
		}
		if (e.computer == null) {
			e.computer = ctx.fallbackHost();
		}
		e.id = ctx.id(chunk.xml());
		e.format = NAME;
		return e;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
