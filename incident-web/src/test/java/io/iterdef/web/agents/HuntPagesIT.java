package io.iterdef.web.agents;

import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read-only agent pages over rows as the agent server writes them (real PostgreSQL): a hunt's counts and
 * per-host status from the hunt_host_status view, the approvals page, the rule requests with their outcomes.
 */
class HuntPagesIT extends StackSupport {

	@Autowired
	MockMvc mockMvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldShowAHuntsCountsAndHostsAndListItForApproval() throws Exception {
		String prefix = "web8-" + UUID.randomUUID().toString().substring(0, 8);
		UUID done = agent(prefix + "-a.it.example.org", "now()");
		UUID offline = agent(prefix + "-b.it.example.org", "now() - interval '1 hour'");
		UUID hunt = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO hunts (id, name, type, params, target_labels, rate_per_minute, client_limit, state, requested_by,
				                   reason, expires_at)
				VALUES (:id, :name, 'memory.scan', '{"pid": 1}'::jsonb, '{"site": "web8"}'::jsonb, 5, 10, 'awaiting_approval',
				        'web8-lead', 'look for <b>mimikatz</b>', now() + interval '1 day')""")
			.param("id", hunt)
			.param("name", prefix + " hunt")
			.update();
		UUID task = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, state, requested_by, source, timeout_ms, cpu_ms, max_bytes, expires_at,
				                   finished_at, hunt_id)
				VALUES (:id, :agent, 'memory.scan', 'succeeded', 'web8-lead', 'hunt', 1000, 1000, 1000, now() + interval '1 hour',
				        now(), :hunt)""")
			.param("id", task)
			.param("agent", done)
			.param("hunt", hunt)
			.update();
		jdbc.sql("INSERT INTO hunt_targets (hunt_id, agent_id, task_id) VALUES (:hunt, :a, :task), (:hunt, :b, NULL)")
			.param("hunt", hunt)
			.param("a", done)
			.param("task", task)
			.param("b", offline)
			.update();

		mockMvc.perform(get("/hunts/" + hunt).with(user("web8-viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(prefix + "-a.it.example.org"),
					containsString(prefix + "-b.it.example.org"), containsString("data-status=\"done\">1<"),
					containsString("data-status=\"offline\">1<"), containsString("data-status=\"pending\">0<"),
					containsString("look for &lt;b&gt;mimikatz&lt;/b&gt;"))))
			// an analyst sees no pause / approve buttons (and the server-side rules refuse them anyway)
			.andExpect(content().string(not(containsString("/hunts/" + hunt + "/approve"))));
		mockMvc.perform(get("/hunts/" + hunt).with(user("web8-lead").roles("LEAD")))
			.andExpect(content().string(containsString("/hunts/" + hunt + "/approve")));
		mockMvc.perform(get("/approvals").with(user("web8-lead2").roles("LEAD")))
			.andExpect(content().string(containsString(prefix + " hunt")));
		mockMvc.perform(get("/hunts").param("state", "awaiting_approval").with(user("web8-viewer").roles("ANALYST")))
			.andExpect(content().string(containsString(prefix + " hunt")));
		mockMvc.perform(get("/tasks").param("hunt", hunt.toString()).with(user("web8-viewer").roles("ANALYST")))
			.andExpect(content().string(containsString(task.toString())));
	}

	@Test
	void shouldListRuleRequestsWithTheirOutcomes() throws Exception {
		String host = "web8-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example.org";
		String requestId = "alert-" + UUID.randomUUID() + ":process.list:0";
		jdbc.sql("""
				INSERT INTO rule_task_requests (request_id, rule_id, rule_name, alert_id, host, type, params, outcome, detail)
				VALUES (:id, 'rule-lsass', 'LSASS access', 'alert-1', :host, 'process.list', '{}'::jsonb, 'rate_limited',
				        'over 3 per hour for this rule and host')""")
			.param("id", requestId)
			.param("host", host)
			.update();
		mockMvc.perform(get("/tasks/rule-requests").param("host", host).with(user("web8-viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("LSASS access"), containsString("rate_limited"),
					containsString("over 3 per hour for this rule and host"))));
		mockMvc.perform(get("/tasks/rule-requests").param("host", host).param("outcome", "queued")
			.with(user("web8-viewer").roles("ANALYST"))).andExpect(content().string(not(containsString("LSASS access"))));
	}

	private UUID agent(String hostname, String lastSeen) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO agents (id, hostname, os, credential_hash, last_seen_at) VALUES (:id, :host, 'linux', :hash, "
				+ lastSeen + ")")
			.param("id", id)
			.param("host", hostname)
			.param("hash", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""))
			.update();
		return id;
	}

}
