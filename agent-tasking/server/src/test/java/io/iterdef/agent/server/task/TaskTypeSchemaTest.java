package io.iterdef.agent.server.task;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.iterdef.agent.protocol.TaskType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tasks table's CHECK on type names exactly the protocol's allow-list. */
class TaskTypeSchemaTest {

	@Test
	void shouldListEveryAllowListedTypeInTheSchemaCheck() throws Exception {
		String sql;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/V9__agents_and_tasks.sql")) {
			assertThat(in).as("V9 migration on the class path").isNotNull();
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String check = sql.substring(sql.indexOf("tasks_type_check"), sql.indexOf("tasks_state_check"));
		for (TaskType type : TaskType.values()) {
			assertThat(check).contains("'" + type.wireName() + "'");
		}
		assertThat(check.chars().filter(c -> c == '\'').count()).isEqualTo(2L * TaskType.values().length);
	}

}
