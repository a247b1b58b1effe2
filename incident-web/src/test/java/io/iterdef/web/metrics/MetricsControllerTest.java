package io.iterdef.web.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(MetricsController.class)
@Import(SecurityConfiguration.class)
class MetricsControllerTest {

	private static final String SCRIPT_RULE_NAME = "</script><script>window.__xss=1</script>";

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private MetricsService metrics;

	static Metrics metrics(String rule) {
		Instant to = Instant.parse("2026-11-28T10:00:00Z");
		TimeStats high = new TimeStats("high", "high", 5, 5, 180.0, 456.0, 4, 3600.0, 7500.0);
		TimeStats byRule = new TimeStats("rule-1", SCRIPT_RULE_NAME, 5, 5, 180.0, 456.0, 4, 3600.0, 7500.0);
		TimeStats team = new TimeStats("unassigned", "unassigned", 5, 5, 180.0, 456.0, 4, 3600.0, 7500.0);
		return new Metrics(to.minus(Duration.ofDays(7)), to, rule, high, List.of(high), List.of(byRule), List.of(team),
				List.of(new Metrics.Breaches("critical", 0, 0, 0, 0), new Metrics.Breaches("high", 5, 2, 1, 3)),
				MetricsRepository.SEVERITIES,
				List.of(new Metrics.OpenByAge("< 1 h", List.of(0L, 1L, 0L, 0L), 1),
						new Metrics.OpenByAge("> 7 d", List.of(0L, 0L, 2L, 0L), 2)));
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(get("/metrics")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mockMvc.perform(get("/metrics/data")).andExpect(status().is3xxRedirection());
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldShowTablesHumanDurationsAndChartScriptWhenAuthenticated() throws Exception {
		given(metrics.compute(any(), eq("rule-1"))).willReturn(metrics("rule-1"));

		mockMvc.perform(get("/metrics").param("period", "7d").param("rule", "rule-1"))
			.andExpect(status().isOk())
			.andExpect(view().name(MetricsController.VIEW_METRICS))
			.andExpect(model().attribute("rule", "rule-1"))
			.andExpect(content().string(containsString("<td class=\"num mtta-median\" data-seconds=\"180.0\">3 min</td>")))
			.andExpect(content().string(containsString("<td class=\"num mtta-p90\" data-seconds=\"456.0\">7 min 36 s</td>")))
			.andExpect(content().string(containsString(">2 h 5 min<")))
			.andExpect(content().string(containsString("id=\"chart-by-severity\"")))
			// th:src resolves the version-agnostic WebJar path to the versioned one
			.andExpect(content().string(containsString("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\">")))
			.andExpect(content().string(containsString("&lt;/script&gt;&lt;script&gt;window.__xss=1")))
			.andExpect(content().string(not(containsString(SCRIPT_RULE_NAME))))
			.andExpect(content().string(not(containsString("<script>window.__xss"))));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldExplainTheErrorAndShowTheDefaultPeriodWhenADateIsWrong() throws Exception {
		given(metrics.compute(any(), isNull())).willReturn(metrics(null));

		mockMvc.perform(get("/metrics").param("period", "custom").param("from", "28.11.2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("From must be a date like 2026-01-31")));
		ArgumentCaptor<MetricsPeriod> period = ArgumentCaptor.forClass(MetricsPeriod.class);
		verify(metrics).compute(period.capture(), isNull());
		assertThat(period.getValue().preset()).isEqualTo("7d");
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldReturnJsonWhenDataIsAsked() throws Exception {
		given(metrics.compute(any(), eq("rule-1"))).willReturn(metrics("rule-1"));

		mockMvc.perform(get("/metrics/data").param("rule", "rule-1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bySeverity[0].mttaMedian").value(180.0))
			.andExpect(jsonPath("$.bySeverity[0].mttaP90").value(456.0))
			.andExpect(jsonPath("$.breaches[1].ackBreached").value(2))
			.andExpect(jsonPath("$.openByAge[1].counts[2]").value(2))
			.andExpect(jsonPath("$.from").value("2026-11-21T10:00:00Z"));
		mockMvc.perform(get("/metrics/data").param("from", "2026-11-05").param("to", "2026-11-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error", containsString("swap them")));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldServeEchartsFromTheWebJarWhenSignedIn() throws Exception {
		mockMvc.perform(get("/webjars/echarts/dist/echarts.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("echarts")));
	}

}
