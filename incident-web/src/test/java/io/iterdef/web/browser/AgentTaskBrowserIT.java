package io.iterdef.web.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent pages in a real browser: from the agents list to the agent, to its process.list task, whose result
 * holds a command line an agent reported with markup in it. The page shows it as text; nothing of it runs.
 */
class AgentTaskBrowserIT extends BrowserSupport {

	private static final String COMMAND_LINE = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldShowAnAgentSuppliedCommandLineAsText() {
		String host = "web8-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example.org";
		UUID agentId = UUID.randomUUID();
		UUID taskId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO agents (id, hostname, os, facts, labels, credential_hash, last_seen_at)
				VALUES (:id, :host, 'linux', '{"agentVersion": "0.1.0"}'::jsonb, '{"site": "web8"}'::jsonb, :hash, now())""")
			.param("id", agentId)
			.param("host", host)
			.param("hash", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""))
			.update();
		String result = "{\"data\": {\"count\": 1, \"processes\": [{\"pid\": 4242, \"ppid\": 1, \"user\": \"root\","
				+ " \"executable\": \"/usr/bin/python3\", \"commandLine\": " + jsonString(COMMAND_LINE) + "}]}, \"uploads\": []}";
		jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, params, state, requested_by, source, timeout_ms, cpu_ms, max_bytes,
				                   expires_at, finished_at, result)
				VALUES (:id, :agent, 'process.list', '{}'::jsonb, 'succeeded', 'web8-analyst', 'analyst', 60000, 60000,
				        1000000, now() + interval '1 hour', now(), :result::jsonb)""")
			.param("id", taskId)
			.param("agent", agentId)
			.param("result", result)
			.update();

		login(ADMIN, ADMIN_PASSWORD);
		browser().get(url("/agents?q=" + host));
		waitFor().until(ExpectedConditions.elementToBeClickable(By.linkText(host))).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("agent-host"), host));
		browser().findElement(By.cssSelector("tr[data-task-id='" + taskId + "'] a")).click();
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("processes")));

		assertThat(browser().findElement(By.id("task-state")).getText()).isEqualTo("succeeded");
		assertThat(browser().findElement(By.cssSelector("#processes td.command-line")).getText()).isEqualTo(COMMAND_LINE);
		assertThat(browser().findElement(By.id("task-result")).getText()).contains("<script>window.__xss=1</script>");
		assertThat(script("return typeof window.__xss")).as("window.__xss").isEqualTo("undefined");
		assertThat(script("return document.querySelectorAll('img[onerror]').length")).isEqualTo(0L);
		assertThat(scriptErrors()).isEmpty();
	}

	private static String jsonString(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
