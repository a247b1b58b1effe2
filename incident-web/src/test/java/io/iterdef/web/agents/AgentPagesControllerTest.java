package io.iterdef.web.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.web.agents.AgentRows.AgentRow;
import io.iterdef.web.agents.AgentRows.TaskDetail;
import io.iterdef.web.agents.AgentRows.TaskRow;
import io.iterdef.web.audit.AuditLog;
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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ AgentController.class, TaskController.class, ApprovalController.class, HuntController.class,
		UploadDownloadController.class, RuleRequestController.class })
@Import(SecurityConfiguration.class)
class AgentPagesControllerTest {

	private static final UUID AGENT = UUID.fromString("11111111-1111-1111-1111-111111111111");

	private static final UUID TASK = UUID.fromString("22222222-2222-2222-2222-222222222222");

	private static final Instant T = Instant.parse("2026-11-17T09:15:10Z");

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private AgentQueries queries;

	@MockitoBean
	private HuntQueries hunts;

	@MockitoBean
	private UploadStore uploads;

	@MockitoBean
	private AgentServerClient server;

	@MockitoBean
	private AuditLog audit;

	@BeforeEach
	void rows() {
		AgentRow agent = new AgentRow(AGENT, "fin-ws07.corp.example.org", "linux", "0.1.0", "{}", "{}", T, T, null);
		given(queries.agent(AGENT)).willReturn(Optional.of(agent));
		given(queries.activeAgent("fin-ws07.corp.example.org")).willReturn(Optional.of(agent));
		given(queries.task(TASK)).willReturn(Optional.of(task("file.collect", "awaiting_approval", "")));
	}

	private static TaskDetail task(String type, String state, String result) {
		TaskRow row = new TaskRow(TASK, AGENT, "fin-ws07.corp.example.org", type, state, "alice", "analyst", "triage",
				null, null, null, null, null, 0, 3, T, null);
		return new TaskDetail(row, "{\"path\": \"/etc/hosts\"}", result, null, null, null, T);
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(get("/tasks")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldForbidAnalystWhenApprovingDenyingOrRevoking() throws Exception {
		mockMvc.perform(post("/tasks/" + TASK + "/approve").with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(post("/tasks/" + TASK + "/deny").param("note", "no").with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(post("/hunts/" + TASK + "/approve").with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(post("/agents/" + AGENT + "/revoke").with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(get("/hunts/new")).andExpect(status().isForbidden());
		then(server).should(never()).post(anyString(), any(), anyString());
	}

	@Test
	@WithMockUser(username = "boss", roles = "LEAD")
	void shouldForbidLeadWhenRevoking() throws Exception {
		mockMvc.perform(post("/agents/" + AGENT + "/revoke").with(csrf())).andExpect(status().isForbidden());
		then(server).should(never()).post(anyString(), any(), anyString());
	}

	@Test
	@WithMockUser(username = "root", roles = "ADMIN")
	void shouldRefuseAPostWithoutCsrfToken() throws Exception {
		mockMvc.perform(post("/agents/" + AGENT + "/revoke")).andExpect(status().isForbidden());
		mockMvc.perform(post("/tasks/new").param("host", "fin-ws07.corp.example.org").param("type", "process.list"))
			.andExpect(status().isForbidden());
		then(server).should(never()).post(anyString(), any(), anyString());
	}

	@Test
	@WithMockUser(username = "root", roles = "ADMIN")
	void shouldRevokeThroughTheAgentServerAsTheAdmin() throws Exception {
		mockMvc.perform(post("/agents/" + AGENT + "/revoke").with(csrf()))
			.andExpect(redirectedUrl("/agents/" + AGENT))
			.andExpect(flash().attribute("message", containsString("revoked")));
		then(server).should().post(eq("/admin/v1/agents/" + AGENT + "/revoke"), any(), eq("root"));
	}

	@Test
	@WithMockUser(username = "boss", roles = "LEAD")
	void shouldShowTheAgentServersRefusalWhenTheRequesterApproves() throws Exception {
		given(server.post(eq("/admin/v1/tasks/" + TASK + "/approve"), any(), eq("boss")))
			.willThrow(new AgentServerException(409, "a second person must approve: boss asked for this task",
					"ask another lead or admin"));
		mockMvc.perform(post("/tasks/" + TASK + "/approve").param("back", "task").with(csrf()))
			.andExpect(redirectedUrl("/tasks/" + TASK))
			.andExpect(flash().attribute("error",
					"a second person must approve: boss asked for this task: ask another lead or admin"));
	}

	@Test
	@WithMockUser(username = "boss", roles = "LEAD")
	void shouldRequireANoteWhenDenying() throws Exception {
		mockMvc.perform(post("/tasks/" + TASK + "/deny").with(csrf()))
			.andExpect(flash().attribute("error", containsString("note is required")));
		then(server).should(never()).post(anyString(), any(), anyString());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldCreateATaskForTheHostAsTheAnalyst() throws Exception {
		given(server.post(eq("/admin/v1/tasks"), any(), eq("alice")))
			.willReturn(Map.of("taskId", TASK.toString(), "state", "queued"));
		mockMvc.perform(post("/tasks/new").with(csrf())
			.param("host", "fin-ws07.corp.example.org")
			.param("incident", "42")
			.param("type", "file.hash")
			.param("params", "{\"path\": \"/usr/bin/ssh\"}")
			.param("reason", "triage"))
			.andExpect(redirectedUrl("/tasks/" + TASK))
			.andExpect(flash().attribute("message", containsString("queued")));
		then(server).should().post(eq("/admin/v1/tasks"), argThat(body -> {
			Map<?, ?> map = (Map<?, ?>) body;
			return map.get("agentId").equals(AGENT.toString()) && map.get("type").equals("file.hash")
					&& map.get("params").equals(Map.of("path", "/usr/bin/ssh")) && map.get("incidentId").equals(42L)
					&& map.get("source").equals("analyst") && map.get("requestedBy").equals("alice");
		}), eq("alice"));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldRefuseBadParametersAndTypesBeforeAskingTheServer() throws Exception {
		mockMvc.perform(post("/tasks/new").with(csrf()).param("host", "fin-ws07.corp.example.org")
			.param("type", "file.hash").param("params", "{path: nope"))
			.andExpect(view().name(TaskController.FORM_VIEW))
			.andExpect(model().attribute("error", containsString("not valid JSON")));
		mockMvc.perform(post("/tasks/new").with(csrf()).param("host", "fin-ws07.corp.example.org")
			.param("type", "agent.update").param("params", "{}"))
			.andExpect(model().attribute("error", containsString("cannot be requested here")));
		mockMvc.perform(post("/tasks/new").with(csrf()).param("host", "fin-ws07.corp.example.org")
			.param("type", "shell").param("params", "{}"))
			.andExpect(model().attribute("error", containsString("cannot be requested here")));
		mockMvc.perform(post("/tasks/new").with(csrf()).param("host", "nobody.example.org")
			.param("type", "process.list").param("params", "{}"))
			.andExpect(model().attribute("error", containsString("No enrolled agent on host 'nobody.example.org'")));
		then(server).should(never()).post(anyString(), any(), anyString());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldSayWhatToDoWhenTheAgentServerIsNotReachable() throws Exception {
		given(server.post(eq("/admin/v1/tasks"), any(), eq("alice"))).willThrow(new AgentServerException(503,
				"The agent server at https://127.0.0.1:1 is not reachable", "start it (./iterdef up starts it) or set ITERDEF_AGENT_ADMIN_URL"));
		mockMvc.perform(post("/tasks/new").with(csrf()).param("host", "fin-ws07.corp.example.org")
			.param("type", "process.list").param("params", "{}"))
			.andExpect(view().name(TaskController.FORM_VIEW))
			.andExpect(content().string(containsString("is not reachable: start it (./iterdef up starts it) or set ITERDEF_AGENT_ADMIN_URL")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldEscapeAgentSuppliedValuesOnTheTaskPage() throws Exception {
		String result = "{\"data\": {\"processes\": [{\"pid\": 7, \"commandLine\": \"<script>alert(1)</script>\"}]}}";
		given(queries.task(TASK)).willReturn(Optional.of(task("process.list", "succeeded", result)));
		given(uploads.uploads(TASK)).willReturn(List.of());
		mockMvc.perform(get("/tasks/" + TASK))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldAnswer404ForAnUnknownTask() throws Exception {
		given(queries.task(any())).willReturn(Optional.empty());
		mockMvc.perform(get("/tasks/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ANALYST")
	void shouldKeepTheFiltersWhenPaging() throws Exception {
		TaskRow row = task("process.list", "queued", "").task();
		given(queries.tasks(any(), any())).willReturn(io.iterdef.web.model.Paged.of(List.of(row),
				io.iterdef.web.model.Paged.request(1, 25), 60));
		mockMvc.perform(get("/tasks").param("state", "queued").param("host", "fin-ws07.corp.example.org"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"href=\"/tasks?state=queued&amp;host=fin-ws07.corp.example.org&amp;page=2&amp;size=25\"")));
	}

	@Test
	@WithMockUser(username = "boss", roles = "LEAD")
	void shouldStartAHuntThroughTheAgentServerAsTheLead() throws Exception {
		UUID hunt = UUID.randomUUID();
		given(server.post(eq("/admin/v1/hunts"), any(), eq("boss"))).willReturn(Map.of("huntId", hunt.toString(),
				"state", "running"));
		mockMvc.perform(post("/hunts/new").with(csrf()).param("name", "lsass readers").param("type", "process.list")
			.param("params", "{}").param("labels", "site=fra, role=dc").param("os", "windows")
			.param("seenWithinMinutes", "10").param("ratePerMinute", "5").param("clientLimit", "50")
			.param("expiresInHours", "2").param("reason", "IR-12"))
			.andExpect(redirectedUrl("/hunts/" + hunt));
		then(server).should().post(eq("/admin/v1/hunts"), argThat(body -> {
			Map<?, ?> map = (Map<?, ?>) body;
			return map.get("targetLabels").equals(Map.of("site", "fra", "role", "dc")) && map.get("targetOs").equals("windows")
					&& map.get("targetSeenWithinSeconds").equals(600L) && map.get("ratePerMinute").equals(5L)
					&& map.get("clientLimit").equals(50L) && map.get("expiresInSeconds").equals(7200L);
		}), eq("boss"));
		mockMvc.perform(post("/hunts/new").with(csrf()).param("name", "x").param("type", "process.list")
			.param("labels", "nokey").param("ratePerMinute", "5").param("clientLimit", "50").param("expiresInHours", "2"))
			.andExpect(view().name(HuntController.FORM_VIEW))
			.andExpect(model().attribute("error", containsString("is not key=value")));
	}

	@Test
	void shouldMakeSafeDownloadNames() {
		org.assertj.core.api.Assertions.assertThat(UploadDownloadController.safeFileName("/var/log/auth.log"))
			.isEqualTo("auth.log");
		org.assertj.core.api.Assertions.assertThat(UploadDownloadController.safeFileName("C:\\Users\\x\\evil\"; a=b.txt"))
			.isEqualTo("evil___a_b.txt");
		org.assertj.core.api.Assertions.assertThat(UploadDownloadController.safeFileName("..")).isEqualTo("_");
		org.assertj.core.api.Assertions.assertThat(UploadDownloadController.safeFileName("/")).isEqualTo("upload.bin");
	}

}
