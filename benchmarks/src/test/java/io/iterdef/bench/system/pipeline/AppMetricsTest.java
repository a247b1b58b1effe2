package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppMetricsTest {
	private static final String TEXT = """
			# HELP iterdef_detect_events_total Events evaluated by the detect topology.
			# TYPE iterdef_detect_events_total counter
			iterdef_detect_events_total 120345
			# HELP iterdef_detect_late_events_total Events later than the grace period, evaluated by single-event rules only.
			# TYPE iterdef_detect_late_events_total counter
			iterdef_detect_late_events_total 17
			iterdef_detect_alerts_total{kind="new"} 40
			""";

	@Test
	void shouldReadTheCounterWhenTheTextHasIt() {
		assertThat(AppMetrics.value(TEXT, AppMetrics.LATE_EVENTS)).isEqualTo(17);
		assertThat(AppMetrics.value(TEXT, "iterdef_detect_events_total")).isEqualTo(120_345);
	}

	@Test
	void shouldSayMinusOneWhenTheCounterIsMissingOrLabelled() {
		assertThat(AppMetrics.value(TEXT, "iterdef_detect_rebuilt_events_total")).isEqualTo(-1);
		assertThat(AppMetrics.value(TEXT, "iterdef_detect_alerts_total")).isEqualTo(-1);
	}
}
