package io.iterdef.web.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API tokens against the real PostgreSQL and the real server: a valid token reads incidents; a missing, wrong,
 * revoked or expired token, or one of a disabled user, gets 401. Users, rules and hosts are random per test.
 */
class ApiTokenIT extends StackSupport {

	@LocalServerPort
	private int port;

	@Autowired
	private ApiTokens tokens;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private MockMvc mockMvc;

	private final HttpClient http = HttpClient.newHttpClient();

	private String username;

	private String rule;

	@BeforeEach
	void userAndIncidents() {
		username = newUser("analyst");
		rule = "it-api-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			jdbc.sql("""
					INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, first_seen, last_seen)
					VALUES (?, ?, 'API test rule', 'high', ?, ?, now(), now())""")
				.params("API test " + i, rule, "host-" + i + ".it", "host-" + i + ".it")
				.update();
		}
	}

	private String newUser(String role) {
		String name = "it-api-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, '$2a$10$notusedforlogin', ?)")
			.params(name, role)
			.update();
		return name;
	}

	private HttpResponse<String> call(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postJson(String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldAcknowledgeCommentAndResolveAsTheTokensUserWithAudit() throws Exception {
		String secret = tokens.create(username, "it", null).secret();
		long id = jdbc.sql("SELECT id FROM incidents WHERE rule_id = ? ORDER BY id LIMIT 1").param(rule).query(Long.class).single();
		String base = "/api/v1/incidents/" + id;

		HttpResponse<String> ack = postJson(base + "/acknowledge", secret, "");
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(json.readTree(ack.body()).get("incident").get("status").asString()).isEqualTo("acknowledged");
		assertThat(json.readTree(ack.body()).get("incident").get("acknowledgedBy").asString()).isEqualTo(username);

		HttpResponse<String> again = postJson(base + "/acknowledge", secret, "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json.readTree(again.body()).get("error").asString()).contains("Incident " + id);

		HttpResponse<String> comment = postJson(base + "/comments", secret, "{\"body\": \"isolated the **host**\"}");
		assertThat(comment.statusCode()).isEqualTo(200);
		assertThat(json.readTree(comment.body()).get("notes").get(0).get("markdown").asString())
			.isEqualTo("isolated the **host**");

		HttpResponse<String> bad = postJson(base + "/resolve", secret, "{\"resolution\": \"fixed\"}");
		assertThat(bad.statusCode()).isEqualTo(400);

		HttpResponse<String> resolved = postJson(base + "/resolve", secret, "{\"resolution\": \"false_positive\"}");
		assertThat(resolved.statusCode()).isEqualTo(200);
		JsonNode incident = json.readTree(resolved.body()).get("incident");
		assertThat(incident.get("status").asString()).isEqualTo("resolved");
		assertThat(incident.get("resolution").asString()).isEqualTo("false_positive");

		assertThat(jdbc.sql("SELECT action FROM audit_log WHERE incident_id = ? AND actor = ? ORDER BY id")
			.params(id, username)
			.query(String.class)
			.list()).containsSubsequence("acknowledge", "note", "resolve");

		HttpResponse<String> anonymous = postJson(base + "/reopen", null, "");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = postJson(base + "/comments", "itd_wrong", "{\"body\": \"x\"}");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM incident_notes WHERE incident_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldListAndPageIncidentsWhenTheTokenIsValid() throws Exception {
		String secret = tokens.create(username, "it", null).secret();

		HttpResponse<String> all = call("/api/v1/incidents?rule=" + rule, secret);
		assertThat(all.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(all.body());
		assertThat(body.get("total").asLong()).isEqualTo(3);
		assertThat(body.get("items")).hasSize(3);
		body.get("items").forEach(item -> assertThat(item.get("ruleId").asString()).isEqualTo(rule));

		JsonNode page2 = json.readTree(call("/api/v1/incidents?rule=" + rule + "&size=2&page=2", secret).body());
		assertThat(page2.get("total").asLong()).isEqualTo(3);
		assertThat(page2.get("items")).hasSize(1);

		JsonNode host = json.readTree(call("/api/v1/incidents?rule=" + rule + "&host=HOST-1.it", secret).body());
		assertThat(host.get("items")).hasSize(1);
		assertThat(host.get("items").get(0).get("hostName").asString()).isEqualTo("host-1.it");

		JsonNode capped = json.readTree(call("/api/v1/incidents?size=5000", secret).body());
		assertThat(capped.get("size").asInt()).isEqualTo(200);
		assertThat(capped.get("items").size()).isLessThanOrEqualTo(200);

		assertThat(jdbc.sql("SELECT count(*) FROM api_tokens WHERE username = ? AND last_used_at IS NOT NULL")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldReturnOneIncidentWithItsNotesAnd404ForAnUnknownOne() throws Exception {
		String secret = tokens.create(username, "it", null).secret();
		long id = jdbc.sql("SELECT id FROM incidents WHERE rule_id = ? ORDER BY id LIMIT 1").param(rule).query(Long.class).single();
		jdbc.sql("INSERT INTO incident_notes (incident_id, author, body) VALUES (?, ?, 'checked <b>host</b>')")
			.params(id, username)
			.update();

		HttpResponse<String> one = call("/api/v1/incidents/" + id, secret);
		assertThat(one.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(one.body());
		assertThat(body.get("incident").get("id").asLong()).isEqualTo(id);
		assertThat(body.get("incident").get("slaState").asString()).isEqualTo("ok");
		assertThat(body.get("notes").get(0).get("markdown").asString()).isEqualTo("checked <b>host</b>");
		assertThat(body.get("alerts")).isEmpty();

		HttpResponse<String> missing = call("/api/v1/incidents/" + Long.MAX_VALUE, secret);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(json.readTree(missing.body()).get("error").asString()).isEqualTo("no incident " + Long.MAX_VALUE);
	}

	@Test
	void shouldAnswer401WhenTheTokenIsMissingWrongRevokedExpiredOrOfADisabledUser() throws Exception {
		HttpResponse<String> none = call("/api/v1/incidents", null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"iterdef\"");
		assertThat(json.readTree(none.body()).get("error").asString()).isEqualTo("This API needs an API token.");

		HttpResponse<String> wrong = call("/api/v1/incidents", ApiTokens.newSecret());
		assertThat(wrong.statusCode()).isEqualTo(401);

		ApiTokens.Created revoked = tokens.create(username, "to revoke", null);
		assertThat(call("/api/v1/incidents", revoked.secret()).statusCode()).isEqualTo(200);
		tokens.revoke(revoked.id(), username, false);
		HttpResponse<String> afterRevoke = call("/api/v1/incidents", revoked.secret());
		assertThat(afterRevoke.statusCode()).isEqualTo(401);
		assertThat(afterRevoke.body()).as("a revoked token looks like an unknown one").isEqualTo(wrong.body());

		ApiTokens.Created expiring = tokens.create(username, "expiring", 1);
		jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(expiring.id())
			.update();
		assertThat(call("/api/v1/incidents", expiring.secret()).statusCode()).isEqualTo(401);

		String disabled = newUser("lead");
		String secretOfDisabled = tokens.create(disabled, "it", null).secret();
		assertThat(call("/api/v1/incidents", secretOfDisabled).statusCode()).isEqualTo(200);
		jdbc.sql("UPDATE users SET enabled = false WHERE username = ?").param(disabled).update();
		assertThat(call("/api/v1/incidents", secretOfDisabled).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldCreateAndRevokeTokensOnTheAccountPageWithAudit() throws Exception {
		MvcResult created = mockMvc
			.perform(post("/account/tokens").param("name", "ci job")
				.param("expiresInDays", "30")
				.with(user(username).roles("ANALYST"))
				.with(csrf()))
			.andExpect(redirectedUrl("/account/tokens"))
			.andReturn();
		String secret = (String) created.getFlashMap().get("secret");
		assertThat(secret).startsWith("itd_");
		assertThat(call("/api/v1/incidents", secret).statusCode()).isEqualTo(200);
		long id = jdbc.sql("SELECT id FROM api_tokens WHERE username = ? AND name = 'ci job'")
			.param(username)
			.query(Long.class)
			.single();
		mockMvc.perform(get("/account/tokens").with(user(username).roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("ci job")
				.doesNotContain(secret));

		String other = newUser("analyst");
		mockMvc.perform(post("/account/tokens/{id}/revoke", id).with(user(other).roles("ANALYST")).with(csrf()))
			.andExpect(flash().attribute("error", "You have no token " + id + "."));
		assertThat(call("/api/v1/incidents", secret).statusCode()).isEqualTo(200);

		mockMvc.perform(post("/account/tokens/{id}/revoke", id).with(user("it-some-admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("message", "Revoked token 'ci job' of " + username + "."));
		assertThat(call("/api/v1/incidents", secret).statusCode()).isEqualTo(401);

		String audit = jdbc.sql("SELECT string_agg(actor || ' ' || action || ' ' || coalesce(after::text, ''), '|') "
				+ "FROM audit_log WHERE action LIKE 'token.%' AND (after->>'id')::bigint = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(audit).contains(username + " token.create").contains("it-some-admin token.revoke")
			.doesNotContain(secret)
			.doesNotContain(ApiTokens.sha256Hex(secret));
	}

	@Test
	void shouldDescribeOnlyTheApiWithTheBearerSchemeInOpenApi() throws Exception {
		mockMvc.perform(get("/v3/api-docs")).andExpect(redirectedUrl("/login"));
		mockMvc.perform(get("/v3/api-docs").with(user(username).roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/incidents'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/incidents/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/incidents']").doesNotExist())
			.andExpect(jsonPath("$.paths['/admin/users']").doesNotExist())
			.andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
			.andExpect(jsonPath("$.paths['/api/v1/incidents'].get.security[0].bearer").exists());
		mockMvc.perform(get("/swagger-ui/index.html").with(user(username).roles("ANALYST"))).andExpect(status().isOk());
	}

}
