package io.iterdef.web.search;

import java.util.List;

import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(SearchController.class)
@Import(SecurityConfiguration.class)
class SearchControllerTest {

	private static final String DOWN = "Elasticsearch at http://127.0.0.1:9200 is not reachable; start it or set ITERDEF_ES_URL.";

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private EventSearch search;

	@MockitoBean
	private SavedSearchRepository saved;

	@BeforeEach
	void limits() {
		given(search.limits()).willReturn(new SearchProperties(50, 200, 10000, 10, 10000));
		given(saved.visibleTo(any())).willReturn(List.of());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldSayElasticsearchIsDownOnThePageAndAs503() throws Exception {
		given(search.search(any(), any(), any(), anyInt(), any()))
			.willThrow(new SearchFailedException(SearchFailedException.Kind.UNAVAILABLE, DOWN));
		mockMvc.perform(get("/search").param("q", "user.name:alice"))
			.andExpect(status().isOk())
			.andExpect(view().name(SearchController.VIEW_SEARCH))
			.andExpect(content().string(containsString(DOWN)))
			.andExpect(content().string(not(containsString("SearchFailedException"))));
		mockMvc.perform(get("/search/data")).andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.error").value(DOWN));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldRefuseATooLargePageWithoutAskingElasticsearch() throws Exception {
		mockMvc.perform(get("/search").param("size", "5000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page size must be a number from 1 to 200.")));
		mockMvc.perform(get("/search/data").param("size", "201"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("Page size must be a number from 1 to 200."));
		mockMvc.perform(get("/search/data").param("sort", "sideways")).andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldKeepTheQueryOfASharedLinkInTheForm() throws Exception {
		given(search.search(any(), any(), any(), anyInt(), any())).willReturn(new SearchResult(List.of(), 0, false, null,
				null, false, new SearchResult.Histogram(HistogramInterval.fitting(java.time.Duration.ofDays(7)), List.of()),
				java.util.Map.of()));
		mockMvc.perform(get(java.net.URI.create("/search?q=user.name:%22alice%22&from=now-7d&to=now")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"user.name:&quot;alice&quot;\"")))
			.andExpect(content().string(containsString("value=\"now-7d\"")))
			.andExpect(content().string(containsString("No events match this query in this time range.")));
	}

}
