package io.iterdef.web.agents;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * Four eyes through the pages and the real agent server: a file.collect a lead asks for waits for approval; the
 * same lead's approval is refused with the server's message; another lead's approval queues it. Needs the agent
 * server's approval endpoints (POST /admin/v1/tasks/{id}/approve), merged from the agent-server branch.
 */
class ApprovalFlowIT extends AgentServerSupport {

	@Autowired
	MockMvc mockMvc;

	@Test
	void shouldRefuseTheRequestersApprovalAndQueueAfterASecondLead() throws Exception {
		String host = newHostname();
		agentServer.enroll(host);
		String requester = "web8-lead-a-" + UUID.randomUUID().toString().substring(0, 6);
		String approver = "web8-lead-b-" + UUID.randomUUID().toString().substring(0, 6);

		MvcResult created = mockMvc.perform(post("/tasks/new").with(user(requester).roles("LEAD")).with(csrf())
			.param("host", host)
			.param("type", "file.collect")
			.param("params", "{\"path\": \"/etc/hostname\"}")
			.param("reason", "collect for the incident"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).as("the form answered: " + created.getModelAndView()).startsWith("/tasks/");
		UUID taskId = UUID.fromString(location.substring("/tasks/".length()));
		assertThat(taskState(taskId)).isEqualTo("awaiting_approval");
		mockMvc.perform(get("/approvals").with(user(approver).roles("LEAD")))
			.andExpect(content().string(containsString(taskId.toString())));

		mockMvc.perform(post("/tasks/" + taskId + "/approve").with(user(requester).roles("LEAD")).with(csrf()))
			.andExpect(flash().attribute("error", containsString("a second person must approve")));
		assertThat(taskState(taskId)).isEqualTo("awaiting_approval");

		mockMvc.perform(post("/tasks/" + taskId + "/approve").param("note", "ok").with(user(approver).roles("LEAD"))
			.with(csrf())).andExpect(flash().attribute("message", "Task approved"));
		assertThat(taskState(taskId)).isEqualTo("queued");
		assertThat(jdbc.sql("SELECT approved_by FROM tasks WHERE id = :id").param("id", taskId).query(String.class).single())
			.isEqualTo(approver);
	}

}
