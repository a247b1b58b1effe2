package io.iterdef.agent.server.hunt;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.server.AgentServerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two agent servers on one database roll out the same hunt at once (this test's server every 200 ms, a second one
 * every 50 ms): each target starts once, and the rate per minute holds across both.
 */
class HuntTwoServersIT extends HuntStackSupport {

	@Test
	void shouldStartEachAgentOnceAndKeepTheRateWithTwoServers() {
		try (ConfigurableApplicationContext second = secondServer()) {
			assertThat(second.isRunning()).isTrue();
			String tag = newTag();
			for (int i = 0; i < 6; i++) {
				enroll("linux", Map.of("hunt", tag));
			}

			UUID hunt = createHunt("alice", hunt(tag, Map.of("ratePerMinute", 3)));

			await().atMost(Duration.ofSeconds(15)).until(() -> tasks(hunt) == 3);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> tasks(hunt) == 3);
			assertThat(jdbc.sql("SELECT count(DISTINCT agent_id) FROM tasks WHERE hunt_id = :id").param("id", hunt)
				.query(Long.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("""
					SELECT count(*) FROM hunt_targets t JOIN tasks k ON k.id = t.task_id
					WHERE t.hunt_id = :id AND k.agent_id = t.agent_id""").param("id", hunt).query(Long.class).single())
				.isEqualTo(3);

			letTheMinutePass(hunt);

			await().atMost(Duration.ofSeconds(15)).until(() -> tasks(hunt) == 6);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> tasks(hunt) == 6);
			assertThat(jdbc.sql("SELECT count(DISTINCT agent_id) FROM tasks WHERE hunt_id = :id").param("id", hunt)
				.query(Long.class).single()).isEqualTo(6);
		}
	}

	/** A second agent server on a random port and the same database (command-line properties win over ITERDEF_*). */
	private ConfigurableApplicationContext secondServer() {
		return new SpringApplicationBuilder(AgentServerApplication.class).run("--server.port=0",
				"--ITERDEF_DATA_DIR=target/it-data",
				"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
				"--spring.flyway.out-of-order=true", "--iterdef.agent.approval-required=true",
				"--iterdef.agent.hunt-interval=PT0.05S");
	}

}
