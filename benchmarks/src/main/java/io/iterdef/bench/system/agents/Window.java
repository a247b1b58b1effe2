package io.iterdef.bench.system.agents;

import java.util.Locale;

/** One measured window of the agents benchmark. */
record Window(double pollsPerSecond, double p50Millis, double p99Millis, long pickups, double createP50Millis,
		double served, double serverThreads, double serverRssMiB) {

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"%.0f polls answered/s, pickup p50 %.1f ms p99 %.1f ms (%d tasks), creation POST p50 %.1f ms, %.0f agents served, server %.0f threads "
						+ "%.0f MiB",
				pollsPerSecond, p50Millis, p99Millis, pickups, createP50Millis, served, serverThreads, serverRssMiB);
	}

}
