package io.iterdef.agent.eventlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits wevtutil's {@code /f:xml} output (the events one after the other, no root element, with or without line
 * breaks) into one string per {@code <Event ...>...</Event>}. Elements such as {@code <EventData>} or
 * {@code <EventID>} are not taken for an event; an event cut off at the end (output truncated) is dropped.
 */
final class EventXml {

	private static final String END = "</Event>";

	private EventXml() {
	}

	static List<String> split(CharSequence output, int max) {
		String text = output.toString();
		List<String> events = new ArrayList<>();
		int from = 0;
		while (events.size() < max) {
			int start = startTag(text, from);
			if (start < 0) {
				break;
			}
			int end = text.indexOf(END, start);
			if (end < 0) {
				break;
			}
			events.add(text.substring(start, end + END.length()));
			from = end + END.length();
		}
		return events;
	}

	/** The next {@code <Event} followed by whitespace, '>' or '/' at or after {@code from}; -1 when none. */
	private static int startTag(String text, int from) {
		int at = text.indexOf("<Event", from);
		while (at >= 0) {
			int next = at + "<Event".length();
			if (next < text.length()) {
				char c = text.charAt(next);
				if (c == '>' || c == '/' || Character.isWhitespace(c)) {
					return at;
				}
			}
			at = text.indexOf("<Event", next);
		}
		return -1;
	}

}
