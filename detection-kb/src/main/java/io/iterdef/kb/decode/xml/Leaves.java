package io.iterdef.kb.decode.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.Map;

/**
 * Flattens structured event content (UserData, ProcessingErrorData) into EventData fields: every leaf element
 * becomes a field named after the element, e.g. {@code <UserData><LogFileCleared><SubjectUserName>bob</...>}
 * gives {@code SubjectUserName=bob}, the way Winlogbeat reports user_data. A repeated name gets a numeric suffix
 * ({@code Name}, {@code Name2}, ...) so that nothing is dropped.
 */
final class Leaves {

	private Leaves() {
	}

	/** Flattens the children of the current element (its own name is a container, not a field). */
	static void flatten(XMLStreamReader r, Map<String, String> into) throws XMLStreamException {
		while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
			flattenElement(r, into);
		}
	}

	/** Flattens the current element: a field when it is a leaf, its leaves otherwise. */
	static void flattenElement(XMLStreamReader r, Map<String, String> into) throws XMLStreamException {
		String name = r.getLocalName();
		StringBuilder text = new StringBuilder();
		boolean leaf = true;
		while (true) {
			int t = r.next();
			if (t == XMLStreamConstants.START_ELEMENT) {
				leaf = false;
				flattenElement(r, into);
			}
			else if (t == XMLStreamConstants.CHARACTERS || t == XMLStreamConstants.CDATA
					|| t == XMLStreamConstants.SPACE) {
				text.append(r.getText());
			}
			else if (t == XMLStreamConstants.END_ELEMENT) {
				break;
			}
		}
		if (leaf) {
			put(into, name, text.toString());
		}
	}

	private static void put(Map<String, String> into, String name, String value) {
		String key = name;
		for (int n = 2; into.containsKey(key); n++) {
			key = name + n;
		}
		into.put(key, value);
	}

}
