package io.iterdef.web.metrics;

/**
 * Time to acknowledge (MTTA) and time to resolve (MTTR) of a group of incidents, in seconds from created_at:
 * median and 90th percentile (linear interpolation), over the incidents that were acknowledged or resolved.
 */
record TimeStats(String key, String label, long incidents, long acknowledged, Double mttaMedian, Double mttaP90,
		long resolved, Double mttrMedian, Double mttrP90) {

	public String mttaMedianText() {
		return Durations.human(mttaMedian);
	}

	public String mttaP90Text() {
		return Durations.human(mttaP90);
	}

	public String mttrMedianText() {
		return Durations.human(mttrMedian);
	}

	public String mttrP90Text() {
		return Durations.human(mttrP90);
	}

}
