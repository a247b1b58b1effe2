package io.iterdef.web.alert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.iterdef.web.incident.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertJsonTest {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	static String sample() throws IOException {
		try (InputStream in = AlertJsonTest.class.getResourceAsStream("/alerts/encoded-powershell.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void shouldParseAllFieldsWhenAlertHasContractShape() throws IOException {
		AlertJson alert = AlertJson.parse(mapper, sample());

		assertThat(alert.id()).isEqualTo("3f2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b");
		assertThat(alert.timestamp()).isEqualTo(Instant.parse("2020-09-04T20:09:55.760Z"));
		assertThat(alert.ruleId()).isEqualTo("0b7d6a3e-6f4c-4c1e-9c57-2f1f1b7f8e01");
		assertThat(alert.ruleName()).isEqualTo("Encoded PowerShell command line");
		assertThat(alert.severity()).isEqualTo(Severity.HIGH);
		assertThat(alert.attack()).containsExactly("T1059.001");
		assertThat(alert.hostName()).isEqualTo("wkstn-1.corp.local");
		assertThat(alert.groupKey()).isEqualTo("wkstn-1.corp.local");
		assertThat(alert.eventIds()).containsExactly("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3");
		JsonNode events = mapper.readTree(alert.events());
		assertThat(events.size()).isEqualTo(1);
		assertThat(events.get(0).path("process").path("parent").path("name").asString()).isEqualTo("wscript.exe");
		assertThat(mapper.readTree(alert.raw()).path("rule").path("tactic").asString()).isEqualTo("execution");
	}

	@Test
	void shouldUseHostNameAsGroupKeyWhenGroupKeyIsMissing() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		root.remove("group_key");

		assertThat(AlertJson.parse(mapper, root.toString()).groupKey()).isEqualTo("wkstn-1.corp.local");
	}

	@Test
	void shouldAcceptSeverityInAnyCaseWhenParsing() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		((ObjectNode) root.get("rule")).put("severity", "CRITICAL");

		assertThat(AlertJson.parse(mapper, root.toString()).severity()).isEqualTo(Severity.CRITICAL);
	}

	@Test
	void shouldRejectWhenRecordIsNotJson() {
		assertThatThrownBy(() -> AlertJson.parse(mapper, "{\"id\": \"abc\"")).isInstanceOf(AlertParseException.class)
			.hasMessageStartingWith("not JSON");
		assertThatThrownBy(() -> AlertJson.parse(mapper, null)).isInstanceOf(AlertParseException.class);
		assertThatThrownBy(() -> AlertJson.parse(mapper, "[1,2]")).isInstanceOf(AlertParseException.class)
			.hasMessage("alert is not a JSON object");
	}

	@Test
	void shouldRejectWhenRequiredFieldIsMissing() throws IOException {
		for (String field : new String[] { "id", "@timestamp" }) {
			ObjectNode root = (ObjectNode) mapper.readTree(sample());
			root.remove(field);
			assertThatThrownBy(() -> AlertJson.parse(mapper, root.toString())).isInstanceOf(AlertParseException.class)
				.hasMessage("missing " + field);
		}
		for (String field : new String[] { "id", "name", "severity" }) {
			ObjectNode root = (ObjectNode) mapper.readTree(sample());
			((ObjectNode) root.get("rule")).remove(field);
			assertThatThrownBy(() -> AlertJson.parse(mapper, root.toString())).isInstanceOf(AlertParseException.class)
				.hasMessage("missing rule." + field);
		}
	}

	@Test
	void shouldRejectWhenSeverityOrTimestampIsInvalid() throws IOException {
		ObjectNode badSeverity = (ObjectNode) mapper.readTree(sample());
		((ObjectNode) badSeverity.get("rule")).put("severity", "urgent");
		assertThatThrownBy(() -> AlertJson.parse(mapper, badSeverity.toString()))
			.isInstanceOf(AlertParseException.class)
			.hasMessageContaining("unknown rule.severity 'urgent'");

		ObjectNode badTime = (ObjectNode) mapper.readTree(sample());
		badTime.put("@timestamp", "yesterday");
		assertThatThrownBy(() -> AlertJson.parse(mapper, badTime.toString())).isInstanceOf(AlertParseException.class)
			.hasMessageContaining("bad @timestamp 'yesterday'");
	}

	@Test
	void shouldRejectWhenNeitherGroupKeyNorHostIsPresent() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		root.remove("group_key");
		root.remove("host");

		assertThatThrownBy(() -> AlertJson.parse(mapper, root.toString())).isInstanceOf(AlertParseException.class)
			.hasMessageContaining("neither group_key nor host.name");
	}

	@Test
	void shouldStoreEmptyEventsWhenAlertHasNoEvents() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		root.remove("events");
		root.remove("event_ids");

		AlertJson alert = AlertJson.parse(mapper, root.toString());

		assertThat(alert.events()).isEqualTo("[]");
		assertThat(alert.eventIds()).isEmpty();
	}

	@Test
	void shouldReplaceNulCharactersWhenPostgresCannotStoreThem() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		((ObjectNode) root.get("rule")).put("name", "Rule\u0000name");
		((ObjectNode) root.withArray("events").get(0).get("process")).put("command_line", "a\u0000b \\u0000 literal");

		AlertJson alert = AlertJson.parse(mapper, root.toString());

		assertThat(alert.ruleName()).isEqualTo("Rule\ufffdname");
		String commandLine = mapper.readTree(alert.events()).get(0).path("process").path("command_line").asString();
		assertThat(commandLine).isEqualTo("a\ufffdb \\u0000 literal");
		assertThat(alert.raw()).doesNotContain("\\u0000b");
	}

	@Test
	void shouldReadZeroSuppressedWhenAlertHasNoCount() throws IOException {
		AlertJson alert = AlertJson.parse(mapper, sample());

		assertThat(alert.suppressedCount()).isZero();
		assertThat(alert.lastSuppressedAt()).isNull();
	}

	@Test
	void shouldReadSuppressedCountAndLastTimeWhenAlertIsAnUpdate() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		root.put("suppressed_count", 12);
		root.put("last_suppressed_at", "2020-09-04T20:19:55.759Z");

		AlertJson alert = AlertJson.parse(mapper, root.toString());

		assertThat(alert.suppressedCount()).isEqualTo(12);
		assertThat(alert.lastSuppressedAt()).isEqualTo(Instant.parse("2020-09-04T20:19:55.759Z"));
	}

	@Test
	void shouldRefuseSuppressedCountWhenNegativeOrNotAnInteger() throws IOException {
		ObjectNode root = (ObjectNode) mapper.readTree(sample());
		root.put("suppressed_count", -1);
		assertThatThrownBy(() -> AlertJson.parse(mapper, root.toString())).isInstanceOf(AlertParseException.class)
			.hasMessageContaining("suppressed_count");
		root.put("suppressed_count", "3");
		assertThatThrownBy(() -> AlertJson.parse(mapper, root.toString())).isInstanceOf(AlertParseException.class);
		root.put("suppressed_count", 3);
		root.put("last_suppressed_at", "yesterday");
		assertThatThrownBy(() -> AlertJson.parse(mapper, root.toString())).isInstanceOf(AlertParseException.class)
			.hasMessageContaining("last_suppressed_at");
	}

}
