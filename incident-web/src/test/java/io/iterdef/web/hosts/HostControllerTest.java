package io.iterdef.web.hosts;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(HostController.class)
@Import(SecurityConfiguration.class)
class HostControllerTest {

	private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private HostEventSearch search;

	@MockitoBean
	private HostAlertRepository alerts;

	private static HostEvent start(String id, String commandLine) {
		return HostEvent.of(Map.of("@timestamp", AT.toString(), "event",
				Map.of("id", id, "code", "1", "provider", "Microsoft-Windows-Sysmon"), "host", Map.of("name", "h1"),
				"process", Map.of("entity_id", "{P}", "pid", 42, "executable", "C:\\x.exe", "command_line", commandLine),
				"user", Map.of("name", "jdoe", "domain", "CORP")));
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(get("/hosts/h1")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(search);
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldAnswer400WithWhatWasWrongWhenAtIsNotATime() throws Exception {
		mockMvc.perform(get("/hosts/h1").param("at", "yesterday-ish"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(HostController.VIEW_HOST_ERROR))
			.andExpect(content().string(allOf(containsString("yesterday-ish"), containsString("2026-11-29T10:00:00Z"),
					not(containsString("Exception")))));
		verifyNoInteractions(search);
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldAnswer400WhenMinutesIsOutOfRangeOrNotANumber() throws Exception {
		mockMvc.perform(get("/hosts/h1").param("at", AT.toString()).param("minutes", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("between 1 and 240")));
		mockMvc.perform(get("/hosts/h1").param("at", AT.toString()).param("minutes", "ten"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not a whole number")));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldSayWhichElasticsearchIsDownAndWhatToSetWhenItCannotBeReached() throws Exception {
		given(search.find(any())).willThrow(new HostEventSearch.UnavailableException(
				"Elasticsearch at http://127.0.0.1:1 is not reachable; start it or set ITERDEF_ES_URL.",
				new IOException("Connection refused")));

		mockMvc.perform(get("/hosts/h1").param("at", AT.toString()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(allOf(containsString("http://127.0.0.1:1 is not reachable"),
					containsString("ITERDEF_ES_URL"), not(containsString("Connection refused")))));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldRenderTheTreeWithTheAlertMarkedAndEventValuesAsTextWhenThereAreEvents() throws Exception {
		HostWindow window = new HostWindow("h1", AT, 15);
		given(search.find(eq(window))).willReturn(new HostEventSearch.Result(
				List.of(start("ev-1", "cmd /c <script>alert(1)</script>")), 1, false, false));
		given(alerts.find("h1", window.from(), window.to())).willReturn(List.of(new HostAlertRepository.HostAlert(
				"a1", 7, "Rule <b>x</b>", "high", AT, List.of("ev-1"))));

		mockMvc.perform(get("/hosts/h1").param("at", AT.toString()))
			.andExpect(status().isOk())
			.andExpect(view().name(HostController.VIEW_HOST))
			.andExpect(model().attribute("view", "tree"))
			.andExpect(content().string(allOf(containsString("cmd /c &lt;script&gt;alert(1)&lt;/script&gt;"),
					not(containsString("<script>alert(1)")), containsString("Rule &lt;b&gt;x&lt;/b&gt;"),
					containsString("href=\"/incidents/7\""), containsString("class=\"host-event alerted\""),
					containsString("href=\"/search?q=%28user.domain%3A%22CORP%22%20AND%20user.name%3A%22jdoe%22%29%20AND%20NOT%20host.name%3A%22h1%22&amp;from=now-7d&amp;to=now\""),
					containsString("href=\"/hosts/h1?at=2026-11-29T10%3A15%3A00Z&amp;minutes=15\""),
					containsString("href=\"/hosts/h1?at=2026-11-29T09%3A45%3A00Z&amp;minutes=15\""))));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldOfferToWidenTheWindowWhenThereAreNoEvents() throws Exception {
		given(search.find(any())).willReturn(new HostEventSearch.Result(List.of(), 0, false, false));

		mockMvc.perform(get("/hosts/unknown.corp").param("at", AT.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"empty-state\""), containsString("Widen the window"),
					containsString("href=\"/hosts/unknown.corp?at=2026-11-29T10%3A00%3A00Z&amp;minutes=60\""))));
	}

}
