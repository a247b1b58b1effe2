package io.iterdef.agent.server.rules;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTaskRequestTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RuleTaskRequest parse(String value) {
		return RuleTaskRequest.parse(JSON, value.getBytes(StandardCharsets.UTF_8), "iterdef.tasks-2@17");
	}

	@Test
	void shouldReadTheContractsRecord() {
		RuleTaskRequest request = parse("""
				{"requestId": "a1:process.list:0", "ruleId": "lsass-access", "ruleName": "LSASS access",
				 "alertId": "a1", "host": "FIN-WS07.corp.example.org", "type": "process.list",
				 "params": {"limit": 10}, "requestedAt": "2026-11-17T09:15:10.520Z"}""");

		assertThat(request.valid()).isTrue();
		assertThat(request.requestId()).isEqualTo("a1:process.list:0");
		assertThat(request.host()).isEqualTo("fin-ws07.corp.example.org");
		assertThat(request.params()).containsEntry("limit", 10);
		assertThat(request.reason()).isEqualTo("rule LSASS access (alert a1)");
	}

	@Test
	void shouldNameARecordThatIsNotJsonByItsPosition() {
		RuleTaskRequest request = parse("{nope");

		assertThat(request.valid()).isFalse();
		assertThat(request.problem()).startsWith("the record is not JSON");
		assertThat(request.requestId()).isEqualTo("malformed:iterdef.tasks-2@17");
		assertThat(request.ruleIdOrUnknown()).isEqualTo("unknown");
		assertThat(request.hostOrUnknown()).isEqualTo("unknown");
		assertThat(RuleTaskRequest.parse(JSON, null, "t-0@1").problem()).isEqualTo("the record is not a JSON object");
		assertThat(parse("[1, 2]").problem()).isEqualTo("the record is not a JSON object");
	}

	@Test
	void shouldSayWhichFieldIsMissingOrWrong() {
		assertThat(parse("{\"ruleId\": \"r\", \"host\": \"h\", \"type\": \"process.list\"}").problem())
			.isEqualTo("no requestId");
		assertThat(parse("{\"requestId\": \"x\", \"host\": \"h\", \"type\": \"process.list\"}").problem())
			.startsWith("no ruleId");
		assertThat(parse("{\"requestId\": \"x\", \"ruleId\": \"r\", \"type\": \"process.list\"}").problem())
			.startsWith("no host");
		assertThat(parse("{\"requestId\": \"x\", \"ruleId\": \"r\", \"host\": \"h\"}").problem()).isEqualTo("no type");
		RuleTaskRequest badParams = parse(
				"{\"requestId\": \"x\", \"ruleId\": \"r\", \"host\": \"h\", \"type\": \"file.hash\", \"params\": [1]}");
		assertThat(badParams.problem()).isEqualTo("params is not a JSON object");
		assertThat(badParams.requestId()).isEqualTo("x");
		assertThat(parse("{\"requestId\": \"" + "x".repeat(201) + "\", \"ruleId\": \"r\", \"host\": \"h\", \"type\": \"t\"}")
			.requestId()).isEqualTo("malformed:iterdef.tasks-2@17");
	}

	@Test
	void shouldDeriveTheSameTaskIdFromTheSameRequestId() {
		UUID first = RuleRequestService.taskId("a1:process.list:0");

		assertThat(RuleRequestService.taskId("a1:process.list:0")).isEqualTo(first);
		assertThat(RuleRequestService.taskId("a1:process.list:1")).isNotEqualTo(first);
	}

	@Test
	void shouldRefuseARecordWithANulCharacterAndKeepNoneInWhatItStores() {
		RuleTaskRequest request = parse("""
				{"requestId": "a\\u0000b", "ruleId": "r", "host": "h", "type": "file.hash",
				 "params": {"path": "/tmp/x\\u0000"}}""");

		assertThat(request.valid()).isFalse();
		assertThat(request.problem()).contains("NUL");
		assertThat(request.requestId()).isEqualTo("ab");
		assertThat(request.params()).isEmpty();
	}

}
