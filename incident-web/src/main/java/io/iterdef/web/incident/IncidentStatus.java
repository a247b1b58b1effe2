package io.iterdef.web.incident;

import java.util.Locale;

/** Incident workflow: new -> acknowledged -> investigating -> resolved. Stored lower-case. */
public enum IncidentStatus {

	NEW, ACKNOWLEDGED, INVESTIGATING, RESOLVED;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static IncidentStatus fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	public boolean isOpen() {
		return this != RESOLVED;
	}

}
