package io.iterdef.web.notify;

import java.time.Instant;
import java.util.List;

import io.iterdef.web.audit.AuditLog;
import io.iterdef.web.model.Paged;
import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(NotificationController.class)
@Import(SecurityConfiguration.class)
class NotificationControllerTest {

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private NotificationRepository outbox;

	@MockitoBean
	private AuditLog audit;

	@MockitoBean
	private TransactionTemplate tx;

	@Test
	@WithMockUser(roles = "LEAD")
	void shouldListFailedNotificationWithErrorAndRetryButton() throws Exception {
		Instant t = Instant.parse("2026-01-01T00:00:00Z");
		Notification failed = new Notification(9, 7L, "escalation", 2, 0, "email", "soc@example.org", "s", "failed", 8, t,
				"no SMTP server configured: set ITERDEF_SMTP_HOST (and ITERDEF_SMTP_PORT)", t, null, null);
		given(outbox.find(eq(7L), eq("failed"), any())).willReturn(Paged.of(List.of(failed), Paged.request(1, 50), 1));

		mockMvc.perform(get("/admin/notifications").param("incident", "#7").param("status", "failed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no SMTP server configured: set ITERDEF_SMTP_HOST")))
			.andExpect(content().string(containsString("level 2")))
			.andExpect(content().string(containsString("/admin/notifications/9/retry")));
	}

	@Test
	@WithMockUser(roles = "LEAD")
	void shouldExplainWhenIncidentFilterIsNotANumber() throws Exception {
		given(outbox.find(any(), any(), any())).willReturn(Paged.of(List.of(), Paged.request(1, 50), 0));

		mockMvc.perform(get("/admin/notifications").param("incident", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;abc&#39; is not an incident number")));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldForbidAnalyst() throws Exception {
		mockMvc.perform(get("/admin/notifications")).andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/notifications/9/retry").with(csrf())).andExpect(status().isForbidden());

		then(outbox).should(never()).retryNow(anyLong());
	}

}
