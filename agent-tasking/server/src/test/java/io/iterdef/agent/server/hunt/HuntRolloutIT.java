package io.iterdef.agent.server.hunt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rollout on the real database: rate per minute, client limit, targeting, pause and resume, cancel, expiry. */
class HuntRolloutIT extends HuntStackSupport {

	private static final Duration SOON = Duration.ofSeconds(15);

	/** Ten scheduler cycles at the tests' 200 ms interval. */
	private static final Duration CYCLES = Duration.ofSeconds(2);

	@Test
	void shouldStartNoMoreAgentsAMinuteThanTheRate() {
		String tag = newTag();
		for (int i = 0; i < 5; i++) {
			enroll("linux", Map.of("hunt", tag));
		}

		UUID hunt = createHunt("alice", hunt(tag, Map.of("ratePerMinute", 2)));

		await().atMost(SOON).until(() -> tasks(hunt) == 2);
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> tasks(hunt) == 2);
		assertThat(targets(hunt)).isEqualTo(5);
		assertThat(details(hunt).get("counts").get("pending").asLong()).isEqualTo(3);
		assertThat(details(hunt).get("counts").get("running").asLong()).isEqualTo(2);

		letTheMinutePass(hunt);

		await().atMost(SOON).until(() -> tasks(hunt) == 4);
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> tasks(hunt) == 4);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM tasks WHERE hunt_id = :id AND source = 'hunt' AND requested_by = 'alice'
				  AND state = 'queued' AND type = 'process.list'""").param("id", hunt).query(Long.class).single())
			.isEqualTo(4);
	}

	@Test
	void shouldRunOnNoMoreAgentsThanTheClientLimit() {
		String tag = newTag();
		for (int i = 0; i < 4; i++) {
			enroll("linux", Map.of("hunt", tag));
		}

		UUID hunt = createHunt("alice", hunt(tag, Map.of("clientLimit", 2)));

		await().atMost(SOON).until(() -> tasks(hunt) == 2);
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> tasks(hunt) == 2 && targets(hunt) == 2);
	}

	@Test
	void shouldTargetAgentsByEveryLabelTheOsAndTheLastPollAndTakeInAgentsThatEnrollLater() {
		String tag = newTag();
		TestAgent match = enroll("linux", Map.of("hunt", tag, "role", "dc", "site", "fra"));
		enroll("windows", Map.of("hunt", tag, "role", "dc"));
		enroll("linux", Map.of("hunt", tag, "role", "web"));
		enroll("linux", Map.of("hunt", tag));
		TestAgent silent = enroll("linux", Map.of("hunt", tag, "role", "dc"));
		jdbc.sql("UPDATE agents SET last_seen_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", silent.id())
			.update();

		UUID hunt = createHunt("alice", hunt(tag, Map.of("targetLabels", Map.of("hunt", tag, "role", "dc"),
				"targetOs", "linux", "targetSeenWithinSeconds", 600)));

		await().atMost(SOON).until(() -> tasks(hunt) == 1);
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> targets(hunt) == 1);
		assertThat(targetAgents(hunt)).containsExactly(match.id());

		TestAgent late = enroll("linux", Map.of("hunt", tag, "role", "dc"));

		await().atMost(SOON).until(() -> tasks(hunt) == 2);
		assertThat(targetAgents(hunt)).containsExactlyInAnyOrder(match.id(), late.id());
	}

	@Test
	void shouldStartNothingWhilePausedAndGoOnWhenResumed() {
		String tag = newTag();
		for (int i = 0; i < 3; i++) {
			enroll("linux", Map.of("hunt", tag));
		}
		UUID hunt = createHunt("alice", hunt(tag, Map.of("ratePerMinute", 1)));
		await().atMost(SOON).until(() -> tasks(hunt) == 1);

		var paused = action(hunt, "pause", "bob", null);

		assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
		assertThat(json(paused).get("state").asString()).isEqualTo("paused");
		letTheMinutePass(hunt);
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> tasks(hunt) == 1);
		assertThat(action(hunt, "pause", "bob", null).statusCode()).isEqualTo(409);

		var resumed = action(hunt, "resume", "bob", null);

		assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
		assertThat(json(resumed).get("state").asString()).isEqualTo("running");
		await().atMost(SOON).until(() -> tasks(hunt) == 2);
	}

	@Test
	void shouldCancelAHuntAndItsQueuedTasks() {
		String tag = newTag();
		enroll("linux", Map.of("hunt", tag));
		enroll("linux", Map.of("hunt", tag));
		UUID hunt = createHunt("alice", hunt(tag, Map.of("ratePerMinute", 1)));
		await().atMost(SOON).until(() -> tasks(hunt) == 1);

		var cancelled = action(hunt, "cancel", "alice", null);

		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(json(cancelled).get("state").asString()).isEqualTo("cancelled");
		assertThat(jdbc.sql("SELECT state FROM tasks WHERE hunt_id = :id").param("id", hunt).query(String.class).list())
			.containsExactly("cancelled");
		letTheMinutePass(hunt);
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> tasks(hunt) == 1);
		assertThat(action(hunt, "resume", "alice", null).statusCode()).isEqualTo(409);
	}

	@Test
	void shouldExpireAHuntAtItsExpiryWithItsTasksExpiringNoLater() {
		String tag = newTag();
		enroll("linux", Map.of("hunt", tag));
		enroll("linux", Map.of("hunt", tag));

		UUID hunt = createHunt("alice", hunt(tag, Map.of("ratePerMinute", 1, "expiresInSeconds", 3)));

		await().atMost(SOON).until(() -> tasks(hunt) == 1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM tasks k JOIN hunts h ON h.id = k.hunt_id
				WHERE h.id = :id AND k.expires_at <= h.expires_at""").param("id", hunt).query(Long.class).single())
			.isEqualTo(1);
		await().atMost(SOON).until(() -> state(hunt).equals("expired"));
		letTheMinutePass(hunt);
		await().atMost(SOON).until(() -> jdbc.sql("SELECT state FROM tasks WHERE hunt_id = :id")
			.param("id", hunt).query(String.class).single().equals("expired"));
		await().during(CYCLES).atMost(CYCLES.plusSeconds(3)).until(() -> tasks(hunt) == 1);
		assertThat(details(hunt).get("counts").get("failed").asLong()).isEqualTo(1);
	}

	private List<UUID> targetAgents(UUID hunt) {
		return jdbc.sql("SELECT agent_id FROM hunt_targets WHERE hunt_id = :id").param("id", hunt)
			.query(UUID.class)
			.list();
	}

}
