package io.iterdef.kb.decode.xml;

import io.iterdef.kb.decode.Channels;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.WinEvent;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * One {@code <Event>} element (Windows' EvtRender XML or libevtx's evtxexport XML) into a {@link WinEvent}: the
 * System part, EventData ({@code <Data Name='X'>}, unnamed {@code <Data>} of classic providers, {@code <Binary>}),
 * UserData and ProcessingErrorData (their leaf elements by name) and RenderingInfo (message, level/task/opcode
 * names). Values are kept as sent (libevtx's zero-padded hex included). The JDK's StAX parser, with DTDs and
 * external entities off.
 */
final class EventXmlParser {

	private static final XMLInputFactory FACTORY = factory();

	private EventXmlParser() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory f = XMLInputFactory.newDefaultFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		f.setProperty(XMLInputFactory.IS_COALESCING, true);
		return f;
	}

	/** Parses the chunk; the caller sets id and format. */
	static WinEvent parse(EventXmlSplitter.Chunk chunk) throws DecodeException {
		XMLStreamReader r = null;
		try {
			r = FACTORY.createXMLStreamReader(new StringReader(text(chunk)));
			r.nextTag();
			if (!"Event".equals(r.getLocalName())) {
				throw new DecodeException("<" + r.getLocalName() + "> is not an <Event>");
			}
			WinEvent e = new WinEvent();
			e.eventId = -1;
			String[] rendered = new String[3];
			while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
				switch (r.getLocalName()) {
					case "System" -> system(r, e);
					case "EventData" -> eventData(r, e);
					case "RenderingInfo" -> renderingInfo(r, e, rendered);
					default -> Leaves.flatten(r, e.eventData); // UserData, ProcessingErrorData, DebugData
				}
			}
			// Rendered names, as Winlogbeat reports them, win over the numbers when Windows rendered the event.
			e.level = rendered[0] != null ? rendered[0] : e.level;
			e.task = rendered[1] != null ? rendered[1] : e.task;
			e.opcode = rendered[2] != null ? rendered[2] : e.opcode;
			return e;
		}
		catch (XMLStreamException ex) {
			String where = ex.getLocation() == null ? ""
					: " at line " + (chunk.line() + ex.getLocation().getLineNumber() - 1) + ", column "
							+ ex.getLocation().getColumnNumber();
			throw new DecodeException("malformed event XML" + where + ": " + firstLine(ex.getMessage()), ex);
		}
		catch (RuntimeException ex) {
			throw new DecodeException("malformed event XML: " + ex, ex);
		}
		finally {
			close(r);
		}
	}

	/** The chunk's text in its document's encoding; refuses bytes that are not (the parser would print them). */
	private static String text(EventXmlSplitter.Chunk chunk) throws DecodeException {
		Charset charset;
		try {
			charset = Charset.forName(chunk.encoding());
		}
		catch (IllegalArgumentException e) {
			throw new DecodeException("unsupported XML encoding '" + chunk.encoding() + "'");
		}
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(chunk.xml()))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new DecodeException("the <Event> starting at line " + chunk.line() + " is not valid " + charset.name()
					+ " text");
		}
	}

	private static void system(XMLStreamReader r, WinEvent e) throws XMLStreamException, DecodeException {
		while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (r.getLocalName()) {
				case "Provider" -> {
					e.provider = attribute(r, "Name");
					e.providerGuid = attribute(r, "Guid");
					skip(r);
				}
				case "EventID" -> e.eventId = eventId(r.getElementText());
				case "Version" -> e.version = integer(r.getElementText());
				case "Level" -> e.level = blankToNull(r.getElementText());
				case "Task" -> e.task = blankToNull(r.getElementText());
				case "Opcode" -> e.opcode = blankToNull(r.getElementText());
				case "Keywords" -> e.keywords = blankToNull(r.getElementText());
				case "TimeCreated" -> {
					String time = attribute(r, "SystemTime");
					e.timestamp = time == null ? null : SystemTimes.parse(time);
					skip(r);
				}
				case "EventRecordID" -> e.recordId = number(r.getElementText());
				case "Correlation" -> {
					e.activityId = attribute(r, "ActivityID");
					skip(r);
				}
				case "Execution" -> {
					e.processId = number(attribute(r, "ProcessID"));
					e.threadId = number(attribute(r, "ThreadID"));
					skip(r);
				}
				case "Channel" -> e.channel = Channels.canonical(blankToNull(r.getElementText()));
				case "Computer" -> e.computer = blankToNull(r.getElementText());
				case "Security" -> {
					e.userSid = attribute(r, "UserID");
					skip(r);
				}
				default -> skip(r);
			}
		}
	}

	private static void eventData(XMLStreamReader r, WinEvent e) throws XMLStreamException {
		while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String element = r.getLocalName();
			String name = "Data".equals(element) ? attribute(r, "Name") : element;
			if (name == null) {
				e.unnamedData.add(r.getElementText());
			}
			else if ("Data".equals(element) || "Binary".equals(element)) {
				e.eventData.put(name, r.getElementText());
			}
			else {
				Leaves.flattenElement(r, e.eventData); // ComplexData and other structured content
			}
		}
	}

	private static void renderingInfo(XMLStreamReader r, WinEvent e, String[] rendered) throws XMLStreamException {
		while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (r.getLocalName()) {
				case "Message" -> e.message = blankToNull(r.getElementText());
				case "Level" -> rendered[0] = blankToNull(r.getElementText());
				case "Task" -> rendered[1] = blankToNull(r.getElementText());
				case "Opcode" -> rendered[2] = blankToNull(r.getElementText());
				default -> skip(r);
			}
		}
	}

	private static int eventId(String text) throws DecodeException {
		Long id = number(text);
		if (id == null || id < 0 || id > 0xFFFF) {
			throw new DecodeException("System/EventID is not an event id: '" + text.trim() + "'");
		}
		return id.intValue();
	}

	private static Integer integer(String text) throws DecodeException {
		Long n = number(text);
		return n == null ? null : Integer.valueOf(n.intValue());
	}

	/** A decimal (or 0x hex) number, null when blank; refuses other text. */
	static Long number(String text) throws DecodeException {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		try {
			return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16)
					: Long.parseLong(t);
		}
		catch (NumberFormatException ex) {
			throw new DecodeException("not a number: '" + t + "'");
		}
	}

	static String attribute(XMLStreamReader r, String name) {
		for (int i = 0; i < r.getAttributeCount(); i++) {
			if (name.equals(r.getAttributeLocalName(i))) {
				return blankToNull(r.getAttributeValue(i));
			}
		}
		return null;
	}

	/** Skips the current element and its content; the reader ends on its END_ELEMENT. */
	static void skip(XMLStreamReader r) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int t = r.next();
			if (t == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (t == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		String m = message.strip();
		int msg = m.indexOf("Message: ");
		return (msg >= 0 ? m.substring(msg + "Message: ".length()) : m).lines().findFirst().orElse("");
	}

	private static void close(XMLStreamReader r) {
		if (r != null) {
			try {
				r.close();
			}
			catch (XMLStreamException ex) {
				// nothing held open: the input is a byte array
			}
		}
	}

}
