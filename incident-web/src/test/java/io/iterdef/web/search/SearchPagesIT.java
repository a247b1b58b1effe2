package io.iterdef.web.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.web.StackSupport;
import io.iterdef.web.es.EsFixtures;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.iterdef.web.search.SearchFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The search page, export and saved searches over HTTP (MockMvc) against the real Elasticsearch and PostgreSQL. */
class SearchPagesIT extends StackSupport {

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	private final String run = "it-pages-" + UUID.randomUUID();

	private final String host = "it-" + UUID.randomUUID() + ".corp";

	private final Instant t = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);

	private String newUser(String role) {
		String name = "it-search-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO users (username, password_hash, role, enabled) VALUES (?, 'x', ?, true)").params(name, role).update();
		return name;
	}

	private void indexEvents() {
		new EsFixtures(client, rest).indexEvents(List.of(
				event(run + "-1", t, host, "4624", "alice", "cmd.exe", "=cmd|' /C calc'!A0", 11, run),
				event(run + "-2", t.plusSeconds(60), host, "4688", "<script>alert(1)</script>", "net.exe", "net \"user\", x",
						12, run)));
	}

	@Test
	void shouldRequireLoginAndCsrf() throws Exception {
		mockMvc.perform(get("/search")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mockMvc.perform(get("/search/export")).andExpect(status().is3xxRedirection());
		mockMvc.perform(post("/search/saved").with(user(newUser("analyst")).roles("ANALYST")).param("name", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldShowEventsEscapedWithSidebarAndExportLinks() throws Exception {
		indexEvents();
		mockMvc.perform(get("/search").with(user("it-viewer").roles("ANALYST"))
			.param("q", "tags:\"" + run + "\"")
			.param("from", "now-1h")
			.param("to", "now"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong id=\"search-total\">2</strong>")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("class=\"filter-in\"")))
			.andExpect(content().string(containsString("id=\"export-csv\"")))
			.andExpect(content().string(containsString("(at most 10,000 rows)")));
	}

	@Test
	void shouldAnswerJsonWithTheWholeEventsAnd400ForABadQuery() throws Exception {
		indexEvents();
		mockMvc.perform(get("/search/data").with(user("it-viewer").roles("ANALYST"))
			.param("q", "tags:\"" + run + "\"")
			.param("from", "now-1h")
			.param("sort", "asc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.hits[0].id").value(run + "-1"))
			.andExpect(jsonPath("$.hits[1].source.user.name").value("<script>alert(1)</script>"))
			.andExpect(jsonPath("$.topValues['host.name'][0].value").value(host))
			.andExpect(jsonPath("$.topValues['host.name'][0].count").value(2))
			.andExpect(jsonPath("$.interval").value("1m"));
		mockMvc.perform(get("/search/data").with(user("it-viewer").roles("ANALYST")).param("q", "host.name:("))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error", containsString("Elasticsearch could not parse the query")));
		mockMvc.perform(get("/search/data")).andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldShowElasticsearchsReasonWithoutAStackTraceWhenTheQueryIsBad() throws Exception {
		mockMvc.perform(get("/search").with(user("it-viewer").roles("ANALYST")).param("q", "host.name:("))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Elasticsearch could not parse the query: ")))
			.andExpect(content().string(containsString("(query: host.name:()")))
			.andExpect(content().string(not(containsString("Exception:"))))
			.andExpect(content().string(not(containsString("\tat "))));
		mockMvc.perform(get("/search/export").with(user("it-viewer").roles("ANALYST")).param("q", "host.name:("))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Elasticsearch could not parse the query")));
		mockMvc.perform(get("/search").with(user("it-viewer").roles("ANALYST")).param("from", "yesterday"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("From &#39;yesterday&#39; is not a time")));
		mockMvc.perform(get("/search").with(user("it-viewer").roles("ANALYST")).param("after", "forged"))
			.andExpect(content().string(containsString("The page link is damaged")));
	}

	@Test
	void shouldExportCsvWithQuotingAndFormulaGuardAndNdjson() throws Exception {
		indexEvents();
		MvcResult csv = mockMvc.perform(get("/search/export").with(user("it-viewer").roles("ANALYST"))
			.param("format", "csv")
			.param("q", "tags:\"" + run + "\"")
			.param("from", "now-1h")
			.param("to", "now")
			.param("columns", "host.name,user.name,process.command_line")
			.param("sort", "asc"))
			.andExpect(request().asyncStarted())
			.andReturn();
		String text = mockMvc.perform(asyncDispatch(csv))
			.andExpect(status().isOk())
			.andExpect(header().string(ExportController.TRUNCATED_HEADER, "false"))
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"iterdef-events-")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(text).isEqualTo("host.name,user.name,process.command_line\r\n" + host + ",alice,'=cmd|' /C calc'!A0\r\n"
				+ host + ",<script>alert(1)</script>,\"net \"\"user\"\", x\"\r\n");

		MvcResult ndjson = mockMvc.perform(get("/search/export").with(user("it-viewer").roles("ANALYST"))
			.param("format", "ndjson")
			.param("q", "tags:\"" + run + "\"")
			.param("from", "now-1h"))
			.andReturn();
		String lines = mockMvc.perform(asyncDispatch(ndjson)).andReturn().getResponse().getContentAsString();
		assertThat(lines.split("\n")).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\":"));
		assertThat(lines).contains("\"id\":\"" + run + "-2\"");
		mockMvc.perform(get("/search/export").with(user("it-viewer").roles("ANALYST")).param("format", "xml"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("Format must be csv or ndjson."));
	}

	@Test
	void shouldSaveListShareAndDeleteASearchWithAudit() throws Exception {
		String owner = newUser("analyst");
		String other = newUser("analyst");
		String name = "logons " + UUID.randomUUID();
		String url = SearchLinks.of("event.code:4624", "now-7d", "now", "host.name,user.name", "asc").search();
		mockMvc.perform(post("/search/saved").with(user(owner).roles("ANALYST"))
			.with(csrf())
			.param("name", name)
			.param("shared", "true")
			.param("q", "event.code:4624")
			.param("from", "now-7d")
			.param("to", "now")
			.param("columns", "host.name,user.name")
			.param("sort", "asc"))
			.andExpect(redirectedUrl(url))
			.andExpect(flash().attribute("flash", "Saved search '" + name + "', shared with everyone."));
		mockMvc.perform(post("/search/saved").with(user(owner).roles("ANALYST")).with(csrf()).param("name", name))
			.andExpect(flash().attribute("flashError", containsString("already have a saved search named")));

		long id = jdbc.sql("SELECT id FROM saved_searches WHERE owner = ? AND name = ?").params(owner, name).query(Long.class).single();
		String escapedUrl = url.replace("&", "&amp;");
		mockMvc.perform(get("/search").with(user(other).roles("ANALYST")))
			.andExpect(content().string(containsString(escapedUrl)))
			.andExpect(content().string(containsString("shared by " + owner)));
		mockMvc.perform(post("/search/saved/" + id + "/delete").with(user(other).roles("ANALYST")).with(csrf()))
			.andExpect(flash().attribute("flashError", containsString("only its owner can delete it")));
		mockMvc.perform(post("/search/saved/" + id + "/delete").with(user(owner).roles("ANALYST")).with(csrf()))
			.andExpect(redirectedUrl(url));

		assertThat(jdbc.sql("SELECT count(*) FROM saved_searches WHERE id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT action FROM audit_log WHERE actor = ? ORDER BY id").param(owner).query(String.class).list())
			.containsExactly("search.save", "search.delete");
	}

}
