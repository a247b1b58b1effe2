package io.iterdef.web.incident;

import java.util.Locale;

/** Alert and incident severity, ordered from lowest to highest. Stored lower-case. */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a severity name (any case); {@code null} when the text is not a known severity. */
	public static Severity parse(String text) {
		if (text == null) {
			return null;
		}
		for (Severity s : values()) {
			if (s.name().equalsIgnoreCase(text.trim())) {
				return s;
			}
		}
		return null;
	}

	public static Severity max(Severity a, Severity b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
