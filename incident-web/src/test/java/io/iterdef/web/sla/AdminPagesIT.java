package io.iterdef.web.sla;

import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The SLA and policy admin pages against the real database: changes land, are audited, and take effect. */
class AdminPagesIT extends StackSupport {

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SlaTargetRepository targets;

	private MockHttpServletRequestBuilder slaForm(java.util.List<SlaTarget> values, String severity, String ack) {
		MockHttpServletRequestBuilder form = post("/admin/sla");
		for (SlaTarget t : values) {
			form.param("ack_" + t.severity(), t.severity().equals(severity) ? ack : t.ackSeconds() + "s");
			form.param("resolve_" + t.severity(), t.resolveSeconds() + "s");
		}
		return form;
	}

	@Test
	void shouldAuditSlaTargetChangeAndCopyItToNewIncidentsWhenLeadSaves() throws Exception {
		String lead = "it-lead-" + UUID.randomUUID().toString().substring(0, 8);
		java.util.List<SlaTarget> before = targets.findAll();
		SlaTarget low = before.stream().filter(t -> t.severity().equals("low")).findFirst().orElseThrow();
		int newAck = low.ackSeconds() == low.resolveSeconds() ? low.ackSeconds() - 60 : low.ackSeconds() + 60;
		try {
			mockMvc.perform(slaForm(before, "low", newAck + "s").with(csrf()).with(user(lead).roles("LEAD")))
				.andExpect(status().is3xxRedirection());

			assertThat(jdbc.sql("SELECT before->>'ack_seconds' || '>' || (after->>'ack_seconds') FROM audit_log "
					+ "WHERE actor = ? AND action = 'sla_target.update' AND after->>'severity' = 'low'")
				.param(lead)
				.query(String.class)
				.list()).containsExactly(low.ackSeconds() + ">" + newAck);
			long incident = jdbc.sql("""
					INSERT INTO incidents (title, rule_id, rule_name, severity, group_key, first_seen, last_seen)
					VALUES ('SLA copy IT', ?, 'IT', 'low', 'k', now(), now()) RETURNING id""")
				.param("it-sla-" + UUID.randomUUID())
				.query(Long.class)
				.single();
			assertThat(jdbc.sql("SELECT sla_ack_seconds FROM incidents WHERE id = ?").param(incident).query(Integer.class).single())
				.isEqualTo(newAck);
		}
		finally {
			targets.update(java.util.Map.of("low", new int[] { low.ackSeconds(), low.resolveSeconds() }), lead);
		}
	}

	@Test
	void shouldRefuseAnalystAndKeepTargetsWhenAnalystPosts() throws Exception {
		java.util.List<SlaTarget> before = targets.findAll();

		mockMvc.perform(slaForm(before, "low", "1s").with(csrf()).with(user("it-analyst").roles("ANALYST")))
			.andExpect(status().isForbidden());

		assertThat(targets.findAll()).extracting(SlaTarget::ackSeconds).isEqualTo(before.stream().map(SlaTarget::ackSeconds).toList());
	}

	@Test
	void shouldCreatePolicyAndAddVersionWhenLeadEditsItThroughTheForms() throws Exception {
		String lead = "it-lead-" + UUID.randomUUID().toString().substring(0, 8);
		String name = "IT policy " + UUID.randomUUID();
		String location = mockMvc
			.perform(post("/admin/policies/new").with(csrf())
				.with(user(lead).roles("LEAD"))
				.param("name", name)
				.param("priority", "500")
				.param("severities", "critical")
				.param("rulePattern", "it-never-" + UUID.randomUUID())
				.param("repeat", "1")
				.param("delays[0]", "0")
				.param("targets[0]", "soc@example.org")
				.param("delays[1]", "10m")
				.param("targets[1]", "https://chat.example.org/hook"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/policies/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		mockMvc.perform(post(location + "/edit").with(csrf())
			.with(user(lead).roles("ADMIN"))
			.param("name", name)
			.param("priority", "500")
			.param("severities", "critical")
			.param("rulePattern", "it-never-x")
			.param("repeat", "0")
			.param("delays[0]", "5m")
			.param("targets[0]", "lead@example.org"))
			.andExpect(status().is3xxRedirection());
		mockMvc.perform(get(location).with(user(lead).roles("LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Version <span>2</span>")))
			.andExpect(content().string(containsString("Version <span>1</span>")))
			.andExpect(content().string(containsString("https://chat.example.org/hook")))
			.andExpect(content().string(containsString("10m after the previous level")));
		mockMvc.perform(get("/admin/policies").with(user(lead).roles("LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));

		assertThat(jdbc.sql("SELECT action FROM audit_log WHERE actor = ? ORDER BY id").param(lead).query(String.class).list())
			.containsExactly("policy.create", "policy.update");
		assertThat(jdbc.sql("SELECT count(*) FROM escalation_policy_versions v JOIN escalation_policies p ON p.id = v.policy_id "
				+ "WHERE p.name = ?").param(name).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void shouldRefuseToRewriteAPolicyVersionInTheDatabase() {
		long policy = jdbc.sql("INSERT INTO escalation_policies (name, enabled, updated_by) VALUES (?, false, 'it') RETURNING id")
			.param("it-immutable-" + UUID.randomUUID())
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO escalation_policy_versions (policy_id, version, severities, levels, created_by)
				VALUES (?, 1, ARRAY['high'], '[{"delay_seconds": 60, "targets": [{"type": "email", "value": "soc@example.org"}]}]', 'it')""")
			.param(policy)
			.update();

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("UPDATE escalation_policy_versions SET repeat_count = 1 WHERE policy_id = ?")
				.param(policy)
				.update())
			.rootCause()
			.hasMessageContaining("escalation_policy_versions are immutable");
	}

}
