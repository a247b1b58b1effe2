package io.iterdef.bench.report;

/**
 * One line of the table: events/s (median), and for a row measured against a baseline, the baseline's name and the
 * ratio; {@code matches} for the engine rows (the same on both sides of a shape), else -1.
 */
record Row(String name, double eventsPerSecond, long matches, String baseline, double ratio) {

	/** The aim for every ratio in this table: Drools at 0.5 or more of Esper, normalize at 0.5 or more of B1. */
	static final double AIM = 0.5;

	static Row plain(String name, double eventsPerSecond, long matches) {
		return new Row(name, eventsPerSecond, matches, null, Double.NaN);
	}

	Row against(Row base) {
		return new Row(name, eventsPerSecond, matches, base.name, eventsPerSecond / base.eventsPerSecond);
	}

	boolean hasBaseline() {
		return baseline != null;
	}

	boolean aimMet() {
		return ratio >= AIM;
	}
}
