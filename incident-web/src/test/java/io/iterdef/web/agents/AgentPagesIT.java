package io.iterdef.web.agents;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agent pages against the real agent server (child process) and the real PostgreSQL: a task created from the
 * host link lands queued in the database as the analyst's; agents are listed; a collected file downloads with its
 * SHA-256; revoking goes through the server.
 */
class AgentPagesIT extends AgentServerSupport {

	@Autowired
	MockMvc mockMvc;

	@Test
	void shouldQueueATaskCreatedFromTheHostLinkAsTheAnalyst() throws Exception {
		String host = newHostname();
		UUID agentId = agentServer.enroll(host);
		String analyst = "web8-analyst-" + UUID.randomUUID().toString().substring(0, 6);

		MvcResult hostPage = mockMvc.perform(get("/hosts/" + host).with(user(analyst).roles("ANALYST")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(hostPage.getResponse().getContentAsString()).contains("href=\"/tasks/new?host=" + host + "\"");
		mockMvc.perform(get("/tasks/new").param("host", host).with(user(analyst).roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + host + "\"")));
		MvcResult created = mockMvc.perform(post("/tasks/new").with(user(analyst).roles("ANALYST")).with(csrf())
			.param("host", host)
			.param("type", "file.hash")
			.param("params", "{\"path\": \"/etc/hostname\"}")
			.param("reason", "triage"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).as(String.valueOf(created.getFlashMap())).startsWith("/tasks/");
		UUID taskId = UUID.fromString(location.substring("/tasks/".length()));

		assertThat(taskState(taskId)).isEqualTo("queued");
		assertThat(jdbc.sql("SELECT requested_by FROM tasks WHERE id = :id AND agent_id = :agent")
			.param("id", taskId)
			.param("agent", agentId)
			.query(String.class)
			.single()).isEqualTo(analyst);
		mockMvc.perform(get(location).with(user(analyst).roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/etc/hostname")))
			.andExpect(content().string(containsString(host)));
		mockMvc.perform(get("/tasks").param("host", host).with(user(analyst).roles("ANALYST")))
			.andExpect(content().string(containsString(taskId.toString())));
	}

	@Test
	void shouldListAgentsAndRevokeOneAsAdmin() throws Exception {
		String host = newHostname();
		UUID agentId = agentServer.enroll(host);
		mockMvc.perform(get("/agents").param("q", host).with(user("web8-viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(host)))
			.andExpect(content().string(containsString("online")));

		mockMvc.perform(post("/agents/" + agentId + "/revoke").with(user("web8-admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM agents WHERE id = :id").param("id", agentId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void shouldDownloadACollectedFileWithItsSha256AndAuditIt() throws Exception {
		UUID agentId = agentServer.enroll(newHostname());
		UUID taskId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, params, state, requested_by, source, timeout_ms, cpu_ms, max_bytes,
				                   expires_at, finished_at)
				VALUES (:id, :agent, 'file.collect', '{"path": "/var/log/auth.log"}'::jsonb, 'succeeded', 'web8-analyst',
				        'analyst', 60000, 60000, 1000000, now() + interval '1 hour', now())""")
			.param("id", taskId)
			.param("agent", agentId)
			.update();
		byte[] first = "first chunk; ".repeat(500).getBytes();
		byte[] second = "second chunk with \u00e9 and \u0000 bytes".getBytes();
		byte[] whole = new byte[first.length + second.length];
		System.arraycopy(first, 0, whole, 0, first.length);
		System.arraycopy(second, 0, whole, first.length, second.length);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole));
		UUID uploadId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO uploads (id, task_id, name, size, sha256, chunk_bytes, received_bytes, state, finished_at)
				VALUES (:id, :task, '/var/log/auth "x".log', :size, :sha, :chunk, :size, 'complete', now())""")
			.param("id", uploadId)
			.param("task", taskId)
			.param("size", (long) whole.length)
			.param("sha", sha256)
			.param("chunk", first.length)
			.update();
		for (int idx : List.of(1, 0)) {
			jdbc.sql("INSERT INTO upload_chunks (upload_id, idx, data) VALUES (:id, :idx, :data)")
				.param("id", uploadId)
				.param("idx", idx)
				.param("data", idx == 0 ? first : second)
				.update();
		}
		String analyst = "web8-dl-" + UUID.randomUUID().toString().substring(0, 6);

		MvcResult download = mockMvc.perform(get("/tasks/" + taskId + "/uploads/" + uploadId)
			.with(user(analyst).roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Iterdef-Sha256", sha256))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"auth__x_.log\""))
			.andReturn();
		byte[] body = download.getResponse().getContentAsByteArray();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))).isEqualTo(sha256);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :actor AND action = 'agent.upload.download'"
				+ " AND after->>'uploadId' = :upload")
			.param("actor", analyst)
			.param("upload", uploadId.toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		mockMvc.perform(get("/tasks/" + taskId).with(user(analyst).roles("ANALYST")))
			.andExpect(content().string(containsString("/tasks/" + taskId + "/uploads/" + uploadId)));
		mockMvc.perform(get("/tasks/" + taskId + "/uploads/" + UUID.randomUUID()).with(user(analyst).roles("ANALYST")))
			.andExpect(status().isNotFound());
	}

}
