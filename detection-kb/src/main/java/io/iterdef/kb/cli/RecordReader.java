package io.iterdef.kb.cli;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.xml.EventXmlSplitter;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Splits a file into records, the way shippers' files come: Windows event XML (a whole {@code <Events>} export,
 * streamed one {@code <Event>} at a time; UTF-16 exports too), or lines (NDJSON, syslog), where a line that is
 * only "{" starts a pretty-printed JSON record that runs to its closing brace (evtx_dump's default output, whose
 * "Record N" separator lines are skipped).
 */
final class RecordReader {

	/** Largest pretty-printed JSON record, and largest UTF-16 XML file (read whole to be converted). */
	static final int MAX_BUFFERED = 64 << 20;

	private static final Pattern EVTX_DUMP_SEPARATOR = Pattern.compile("Record \\d+");

	interface Sink {

		void record(byte[] bytes, int line, String formatHint);

		void refused(int line, String reason);

	}

	private RecordReader() {
	}

	static void read(Path file, String formatHint, Sink sink) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			in.mark(8);
			byte[] head = in.readNBytes(8);
			in.reset();
			boolean utf16 = head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
					|| (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
			if (utf16 || Decoders.WINDOWS_XML.equals(formatHint) || formatHint == null && isXml(in)) {
				xml(utf16 ? utf8(in) : in, sink);
			}
			else {
				lines(in, formatHint, sink);
			}
		}
	}

	/** First non-blank byte '<' not followed by a digit (a syslog priority). */
	private static boolean isXml(InputStream in) throws IOException {
		in.mark(4096);
		try {
			int c;
			do {
				c = in.read();
			}
			while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
			int next = in.read();
			return c == '<' && next != -1 && !(next >= '0' && next <= '9');
		}
		finally {
			in.reset();
		}
	}

	private static InputStream utf8(InputStream in) throws IOException {
		byte[] all = in.readNBytes(MAX_BUFFERED + 1);
		if (all.length > MAX_BUFFERED) {
			throw new IOException("UTF-16 file larger than " + MAX_BUFFERED + " bytes: convert it to UTF-8 first");
		}
		String text = new String(all, StandardCharsets.UTF_16).replace("encoding=\"UTF-16\"", "encoding=\"UTF-8\"")
			.replace("encoding='UTF-16'", "encoding='UTF-8'");
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void xml(InputStream in, Sink sink) throws IOException {
		try {
			EventXmlSplitter.stream(in, chunk -> sink.record(chunk.xml(), chunk.line(), Decoders.WINDOWS_XML));
		}
		catch (DecodeException e) {
			sink.refused(lineOf(e.getMessage()), "not Windows event XML: " + e.getMessage());
		}
	}

	private static void lines(InputStream in, String formatHint, Sink sink) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int lineNo = 0;
		StringBuilder json = null;
		int jsonLine = 0;
		JsonDepth depth = new JsonDepth();
		while ((line = reader.readLine()) != null) {
			lineNo++;
			if (lineNo == 1 && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			if (json != null) {
				json.append(line).append('\n');
				if (depth.add(line) == 0) {
					sink.record(json.toString().getBytes(StandardCharsets.UTF_8), jsonLine, formatHint);
					json = null;
				}
				else if (json.length() > MAX_BUFFERED) {
					sink.refused(jsonLine, "JSON record larger than " + MAX_BUFFERED + " characters");
					return;
				}
			}
			else if (line.strip().equals("{")) {
				json = new StringBuilder(4096).append(line).append('\n');
				jsonLine = lineNo;
				depth = new JsonDepth();
				depth.add(line);
			}
			else if (!line.isBlank() && !EVTX_DUMP_SEPARATOR.matcher(line.strip()).matches()) {
				sink.record(line.getBytes(StandardCharsets.UTF_8), lineNo, formatHint);
			}
		}
		if (json != null) {
			sink.refused(jsonLine, "truncated JSON: the record starting here is not closed at the end of the file");
		}
	}

	private static int lineOf(String message) {
		java.util.regex.Matcher m = Pattern.compile("line (\\d+)").matcher(String.valueOf(message));
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

	/** Brace depth of JSON text fed line by line, strings and escapes respected. */
	private static final class JsonDepth {

		int depth;

		boolean string;

		boolean escape;

		int add(String line) {
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (escape) {
					escape = false;
				}
				else if (string) {
					escape = c == '\\';
					string = c != '"';
				}
				else if (c == '"') {
					string = true;
				}
				else if (c == '{' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ']') {
					depth--;
				}
			}
			return depth;
		}

	}

}
