package io.iterdef.web.incident;

import java.util.Locale;

/** How a resolved incident ended. Stored lower-case (incidents.resolution). */
public enum Resolution {

	TRUE_POSITIVE("True positive"), FALSE_POSITIVE("False positive"), BENIGN("Benign"), DUPLICATE("Duplicate");

	private final String label;

	Resolution(String label) {
		this.label = label;
	}

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return label;
	}

	/** Parses a stored or submitted value (true_positive, any case); {@code null} when unknown or absent. */
	public static Resolution parse(String value) {
		if (value == null) {
			return null;
		}
		for (Resolution r : values()) {
			if (r.dbValue().equalsIgnoreCase(value.trim())) {
				return r;
			}
		}
		return null;
	}

}
