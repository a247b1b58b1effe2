package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading shipper JSON fields the lenient way: numbers as text or numbers, "0x" hex, EventData values as text. */
public final class JsonFields {

	private JsonFields() {
	}

	/** Text of a scalar field, or null when absent, null or structured. */
	public static String text(JsonNode node, String key) {
		JsonNode v = node == null ? null : node.get(key);
		return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
	}

	/** An EventData value as text: strings as they are, other scalars as their text, structures as JSON. */
	public static String value(JsonNode v) {
		if (v == null || v.isNull()) {
			return null;
		}
		return v.isValueNode() ? v.asText() : v.toString();
	}

	/** A Windows event id (a non-negative int, as a JSON number or text), or refuses naming the field. */
	public static int eventId(JsonNode id, String field, byte[] trimmed) throws DecodeException {
		if (id != null && id.isIntegralNumber() && id.canConvertToInt() && id.intValue() >= 0) {
			return id.intValue();
		}
		if (id != null && id.isTextual()) {
			try {
				int n = Integer.parseInt(id.textValue().trim());
				if (n >= 0) {
					return n;
				}
			}
			catch (NumberFormatException e) {
				// refused below
			}
		}
		throw DecodeContext.refuse(id == null || id.isNull() ? "no " + field + " field"
				: field + " is not an event id: " + abbreviate(id.toString()), trimmed);
	}

	/** Decimal or hex ("0x90c", zero-padded too) as a number; null when absent or not a number. */
	public static Long number(String value) {
		if (value == null) {
			return null;
		}
		String v = value.trim();
		try {
			if (v.startsWith("0x") || v.startsWith("0X")) {
				return Long.parseUnsignedLong(v.substring(2), 16);
			}
			return v.isEmpty() ? null : Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A number field (JSON number or text); null when absent or not a number. */
	public static Long number(JsonNode node, String key) {
		JsonNode v = node == null ? null : node.get(key);
		if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
			return v.longValue();
		}
		return number(text(node, key));
	}

	/** At most 40 characters of a value, for reasons. */
	public static String abbreviate(String s) {
		return s == null || s.length() <= 40 ? s : s.substring(0, 40) + "...";
	}

	public static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
