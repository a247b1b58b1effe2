package io.iterdef.web.dashboard;

import java.time.Instant;
import java.util.List;

import io.iterdef.web.system.SecurityConfiguration;
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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The page and its JSON: login required, event values escaped in the tables and in the inline script. */
@WebMvcTest(DashboardController.class)
@Import(SecurityConfiguration.class)
class DashboardControllerTest {

	/** Event values are attacker-controlled: a host name that tries to close the page's script. */
	private static final String SCRIPT_HOST = "</script><script>window.__xss=1</script>";

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private DashboardService dashboard;

	private static Dashboard dashboard() {
		DashboardRange range = DashboardRange.parse("1h", NOW);
		Dashboard.Events events = new Dashboard.Events(3, List.of(NOW.toEpochMilli()), List.of(3L),
				List.of(new Dashboard.Series("Security", 3, List.of(3L))),
				List.of(new Dashboard.Series("4624", 3, List.of(3L))), List.of(new Dashboard.Term(SCRIPT_HOST, 3)));
		Dashboard.Alerts alerts = new Dashboard.Alerts(1, List.of(new Dashboard.Term("Rule", 1)),
				List.of(new Dashboard.Term("high", 1)));
		return new Dashboard("1h", range.from(), range.to(), "1m", null, events, alerts,
				Lag.of(NOW.minusSeconds(12), NOW), Lag.of(NOW.minusSeconds(400), NOW),
				new DeadLetters.Count("iterdef.dlq", 2L, "2",
						List.of(new DeadLetterReasons.Reason(NOW, "<b>not JSON</b>"))),
				null, false);
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mockMvc.perform(get("/dashboard/data")).andExpect(status().is3xxRedirection());
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldEscapeEventValuesInTheTablesAndTheScriptWhenAuthenticated() throws Exception {
		given(dashboard.now()).willReturn(NOW);
		given(dashboard.compute(any(), isNull())).willReturn(dashboard());

		mockMvc.perform(get("/dashboard").param("range", "1h"))
			.andExpect(status().isOk())
			.andExpect(view().name(DashboardController.VIEW_DASHBOARD))
			.andExpect(model().attribute("inputError", (Object) null))
			.andExpect(content().string(containsString("<strong id=\"event-lag\" data-seconds=\"12\">12 s</strong>")))
			.andExpect(content().string(containsString("lag-warning")))
			.andExpect(content().string(containsString("&lt;b&gt;not JSON&lt;/b&gt;")))
			.andExpect(content().string(containsString("&lt;/script&gt;&lt;script&gt;window.__xss=1")))
			.andExpect(content().string(containsString("\\\\u003cscript\\\\u003ewindow.__xss=1")))
			.andExpect(content().string(not(containsString(SCRIPT_HOST))));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldSayWhatIsWrongWithAnUnknownRange() throws Exception {
		given(dashboard.now()).willReturn(NOW);
		given(dashboard.compute(any(), isNull())).willReturn(dashboard());

		mockMvc.perform(get("/dashboard").param("range", "2y"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("inputError", "Unknown range \"2y\": choose 1h, 24h or 7d."));
		mockMvc.perform(get("/dashboard/data").param("range", "2y"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("Unknown range \"2y\": choose 1h, 24h or 7d."));
	}

}
