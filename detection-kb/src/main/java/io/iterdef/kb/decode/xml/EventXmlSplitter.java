package io.iterdef.kb.decode.xml;

import io.iterdef.kb.decode.DecodeException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds each {@code <Event>...</Event>} element of Windows event XML, as the bytes that appeared in the input: a
 * single {@code <Event>}, an {@code <Events>} wrapper of many (evtxexport, Get-WinEvent exports) or concatenated
 * {@code <Event>}s without a wrapper ({@code wevtutil qe /f:xml}). It streams: only one event is held in memory, so
 * a large export is read in constant space. Each event is parsed afterwards by {@link EventXmlParser}; this scanner
 * only checks the structure around the events and refuses DTDs and entity declarations (XXE) outright.
 */
public final class EventXmlSplitter {

	/** Largest accepted {@code <Event>} element; Windows caps an event's payload at 64 KiB, rendered text is more. */
	public static final int MAX_EVENT_BYTES = 1 << 20;

	/** One {@code <Event>} element's bytes, the 1-based line it starts on, and the document's declared encoding. */
	public record Chunk(byte[] xml, int line, String encoding) {
	}

	/** Receives each event as it is found. */
	@FunctionalInterface
	public interface Sink {

		void accept(Chunk chunk) throws DecodeException;

	}

	private final InputStream in;

	private final Sink sink;

	private byte[] buf;

	private int pos;

	private int limit;

	private byte[] event = new byte[4096];

	private int eventSize;

	/** The character that ended the last {@link #name}. */
	private int delimiter;

	private int line = 1;

	private String encoding = "UTF-8";

	private EventXmlSplitter(InputStream in, byte[] buf, int limit, Sink sink) {
		this.in = in;
		this.buf = buf;
		this.limit = limit;
		this.sink = sink;
	}

	/** Every event of a record held in memory; refuses a record with none. */
	public static List<Chunk> split(byte[] record) throws DecodeException {
		List<Chunk> chunks = new ArrayList<>();
		try {
			new EventXmlSplitter(null, record, record.length, chunks::add).run();
		}
		catch (IOException e) {
			throw new IllegalStateException("reading a byte array", e);
		}
		return chunks;
	}

	/**
	 * Reads the stream to its end, handing each event to the sink in document order; returns how many there were.
	 * @throws DecodeException when the XML around the events is not Windows event XML, is truncated, or has a DTD
	 */
	public static int stream(InputStream in, Sink sink) throws IOException, DecodeException {
		return new EventXmlSplitter(in, new byte[65536], 0, sink).run();
	}

	private int run() throws IOException, DecodeException {
		int depth = 0;
		boolean wrapped = false;
		boolean first = true;
		int count = 0;
		int c;
		while ((c = read()) != -1) {
			if (c != '<') {
				if (!isSpace(c) && !(first && c == 0xEF)) {
					throw refuse("text outside an <Event> element");
				}
				if (c == 0xEF) { // UTF-8 byte order mark
					if (read() != 0xBB || read() != 0xBF) {
						throw refuse("text outside an <Event> element");
					}
				}
				continue;
			}
			int startLine = line;
			c = read();
			if (c == '?') {
				String pi = skipUntil("?>", false);
				if (first) {
					encoding = declaredEncoding(pi);
				}
			}
			else if (c == '!') {
				markup(false);
			}
			else if (c == '/') {
				String name = name(read(), false);
				if (delimiter != '>') {
					skipUntil(">", false);
				}
				if (!wrapped || depth != 1 || !"Events".equals(localName(name))) {
					throw refuse("unexpected </" + name + ">");
				}
				depth = 0;
			}
			else { // copied: it may be the start tag of an <Event>
				eventSize = 0;
				append('<');
				append(c);
				String name = name(c, true);
				String local = localName(name);
				boolean empty = startTagRest(true, delimiter);
				if (depth == 0 && "Events".equals(local) && count == 0 && !wrapped) {
					wrapped = !empty;
					depth = empty ? 0 : 1;
				}
				else if ("Event".equals(local) && (wrapped ? depth == 1 : depth == 0)) {
					readEvent(empty, startLine);
					count++;
				}
				else {
					throw refuse("<" + name + "> where an <Event> or <Events> element was expected");
				}
			}
			first = false;
		}
		if (depth != 0) {
			throw refuse("truncated XML: <Events> is not closed");
		}
		if (count == 0) {
			throw refuse("no <Event> element");
		}
		return count;
	}

	/** Copies the rest of an event (its start tag is in the buffer) up to its end tag, and hands it over. */
	private void readEvent(boolean empty, int startLine) throws IOException, DecodeException {
		int depth = empty ? 0 : 1;
		while (depth > 0) {
			int c = copy();
			if (c == -1) {
				throw new DecodeException("truncated XML: the <Event> element starting at line " + startLine
						+ " is not closed");
			}
			if (c != '<') {
				continue;
			}
			c = copy();
			if (c == '!') {
				markup(true);
			}
			else if (c == '?') {
				skipUntil("?>", true);
			}
			else if (c == '/') {
				String name = name(copy(), true);
				if (delimiter != '>') {
					skipUntil(">", true);
				}
				if (--depth == 0 && !"Event".equals(localName(name))) {
					throw refuse("</" + name + "> where </Event> was expected (the <Event> starts at line " + startLine
							+ ")");
				}
			}
			else {
				name(c, true);
				if (!startTagRest(true, delimiter)) {
					depth++;
				}
			}
		}
		sink.accept(new Chunk(Arrays.copyOf(event, eventSize), startLine, encoding));
	}

	/** After "<!": a comment, CDATA inside an event, or a DTD/declaration (refused). */
	private void markup(boolean copy) throws IOException, DecodeException {
		int c = next(copy);
		if (c == '-' && next(copy) == '-') {
			skipUntil("-->", copy);
			return;
		}
		if (copy && c == '[' && expect("CDATA[", copy)) {
			skipUntil("]]>", copy);
			return;
		}
		throw refuse("DTDs and entity declarations are not accepted (<!" + (char) c + "...)");
	}

	private boolean expect(String text, boolean copy) throws IOException, DecodeException {
		for (int i = 0; i < text.length(); i++) {
			if (next(copy) != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Reads a tag name starting with {@code c}, up to whitespace, '/' or '>' (left in {@link #delimiter}). */
	private String name(int c, boolean copy) throws IOException, DecodeException {
		StringBuilder sb = new StringBuilder(16);
		while (c != -1 && !isSpace(c) && c != '>' && c != '/') {
			sb.append((char) c);
			if (sb.length() > 256) {
				throw refuse("element name too long");
			}
			c = next(copy);
		}
		if (c == -1) {
			throw refuse("truncated XML inside a tag");
		}
		if (sb.isEmpty()) {
			throw refuse("malformed tag");
		}
		delimiter = c;
		return sb.toString();
	}

	/** The attributes and the end of a start tag, quotes respected; true when it was an empty-element tag. */
	private boolean startTagRest(boolean copy, int first) throws IOException, DecodeException {
		int quote = 0;
		int previous = 0;
		int c = first;
		for (; c != -1; c = next(copy)) {
			if (quote != 0) {
				quote = c == quote ? 0 : quote;
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return previous == '/';
			}
			else if (c == '<') {
				throw refuse("'<' inside a tag");
			}
			previous = c;
		}
		throw refuse("truncated XML inside a tag");
	}

	private String skipUntil(String end, boolean copy) throws IOException, DecodeException {
		StringBuilder seen = copy ? null : new StringBuilder();
		int matched = 0;
		int c;
		while ((c = next(copy)) != -1) {
			if (seen != null && seen.length() < 512) {
				seen.append((char) c);
			}
			matched = c == end.charAt(matched) ? matched + 1 : (c == end.charAt(0) ? 1 : 0);
			if (matched == end.length()) {
				return seen == null ? "" : seen.toString();
			}
		}
		throw refuse("truncated XML: '" + end + "' expected");
	}

	private int next(boolean copy) throws IOException, DecodeException {
		return copy ? copy() : read();
	}

	private int copy() throws IOException, DecodeException {
		int c = read();
		if (c != -1) {
			append(c);
		}
		return c;
	}

	private void append(int c) throws DecodeException {
		if (eventSize == event.length) {
			if (eventSize >= MAX_EVENT_BYTES) {
				throw refuse("<Event> element larger than " + MAX_EVENT_BYTES + " bytes");
			}
			event = Arrays.copyOf(event, Math.min(eventSize * 2, MAX_EVENT_BYTES));
		}
		event[eventSize++] = (byte) c;
	}

	private int read() throws IOException {
		if (pos == limit) {
			if (in == null) {
				return -1;
			}
			int n;
			do {
				n = in.read(buf, 0, buf.length);
			}
			while (n == 0);
			if (n < 0) {
				return -1;
			}
			pos = 0;
			limit = n;
		}
		int c = buf[pos++] & 0xFF;
		if (c == '\n') {
			line++;
		}
		return c;
	}

	private DecodeException refuse(String reason) {
		return new DecodeException(reason + " (line " + line + ")");
	}

	private static String declaredEncoding(String declaration) {
		int at = declaration.indexOf("encoding");
		if (!declaration.startsWith("xml") || at < 0) {
			return "UTF-8";
		}
		String rest = declaration.substring(at + "encoding".length()).replaceFirst("^\\s*=\\s*", "");
		if (rest.isEmpty() || (rest.charAt(0) != '"' && rest.charAt(0) != '\'')) {
			return "UTF-8";
		}
		int close = rest.indexOf(rest.charAt(0), 1);
		return close > 1 ? rest.substring(1, close) : "UTF-8";
	}

	static String localName(String name) {
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(colon + 1);
	}

	private static boolean isSpace(int c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

}
