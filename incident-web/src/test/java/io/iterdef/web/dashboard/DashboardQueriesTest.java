package io.iterdef.web.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardQueriesTest {

	@Test
	void shouldAddOtherAsEachBucketsRestWhenTheTopSeriesDoNotCoverEverything() {
		List<Dashboard.Series> top = List.of(new Dashboard.Series("Security", 5, List.of(3L, 2L, 0L)),
				new Dashboard.Series("System", 1, List.of(0L, 1L, 0L)));
		List<Dashboard.Series> all = DashboardQueries.withOther(top, List.of(4L, 3L, 2L));
		assertThat(all).hasSize(3);
		assertThat(all.get(2)).isEqualTo(new Dashboard.Series("other", 3, List.of(1L, 0L, 2L)));
	}

	@Test
	void shouldAddNoOtherWhenTheTopSeriesCoverEverything() {
		List<Dashboard.Series> top = List.of(new Dashboard.Series("Security", 5, List.of(3L, 2L)));
		assertThat(DashboardQueries.withOther(top, List.of(3L, 2L))).isEqualTo(top);
	}

	@Test
	void shouldQuoteTheHostForTheSearchLinkWithinTheFilter() {
		assertThat(DashboardController.hostQuery("ws-01.corp", null)).isEqualTo("host.name:\"ws-01.corp\"");
		assertThat(DashboardController.hostQuery("ws-01.corp", "host.name:\"ws-01.corp\""))
			.isEqualTo("host.name:\"ws-01.corp\"");
		assertThat(DashboardController.hostQuery("a\"b\\c", "event.code:1"))
			.isEqualTo("(event.code:1) AND host.name:\"a\\\"b\\\\c\"");
	}

}
