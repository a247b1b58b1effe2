package io.iterdef.web.metrics;

/** How long an open incident has been open; the bounds are in MetricsRepository.openByAge's SQL. */
enum AgeBucket {

	UNDER_1H("< 1 h"), FROM_1H_TO_4H("1–4 h"), FROM_4H_TO_24H("4–24 h"), FROM_1D_TO_7D("1–7 d"), OVER_7D("> 7 d");

	private final String label;

	AgeBucket(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

}
