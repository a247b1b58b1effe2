package io.iterdef.web.alert;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import io.iterdef.web.StackSupport;
import io.iterdef.web.incident.Actor;
import io.iterdef.web.incident.Incident;
import io.iterdef.web.incident.IncidentRepository;
import io.iterdef.web.incident.IncidentStatus;
import io.iterdef.web.incident.IncidentWorkflow;
import io.iterdef.web.incident.Resolution;
import io.iterdef.web.incident.Severity;
import io.iterdef.web.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIngestIT extends StackSupport {

	private static final Instant T0 = Instant.parse("2020-09-04T20:09:55.760Z");

	@Autowired
	private AlertIngest ingest;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ObjectMapper mapper;

	@Autowired
	private IncidentWorkflow workflow;

	private static final Actor ANN = new Actor("analyst-it", Role.ANALYST);

	private final String ruleId = "it-rule-" + UUID.randomUUID();

	private AlertIngest.Result ingest(String id, String severity, String host, Instant time) {
		return ingest.ingest(AlertJson.parse(mapper, TestAlerts.alert(ruleId + "-" + id, ruleId, severity, host, time,
				"powershell -enc SQBFAFgA")));
	}

	private long count(String sql) {
		return jdbc.sql(sql).param(ruleId).query(Long.class).single();
	}

	@Test
	void shouldStoreOneAlertAndOneIncidentWhenSameAlertArrivesTwice() {
		AlertIngest.Result first = ingest("a1", "high", "wkstn-1", T0);
		AlertIngest.Result second = ingest("a1", "high", "wkstn-1", T0);

		assertThat(first.outcome()).isEqualTo(AlertIngest.Outcome.NEW_INCIDENT);
		assertThat(second.outcome()).isEqualTo(AlertIngest.Outcome.DUPLICATE);
		assertThat(count("SELECT count(*) FROM alerts WHERE rule_id = ?")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM incidents WHERE rule_id = ?")).isEqualTo(1);
		Incident incident = incidents.findById(first.incidentId()).orElseThrow();
		assertThat(incident.alertCount()).isEqualTo(1);
		assertThat(incident.title()).isEqualTo("Encoded PowerShell command line on wkstn-1");
	}

	@Test
	void shouldGroupAlertsIntoOneIncidentWhenRuleAndHostMatch() {
		AlertIngest.Result first = ingest("a1", "medium", "wkstn-1", T0);
		AlertIngest.Result second = ingest("a2", "critical", "wkstn-1", T0.plusSeconds(90));
		AlertIngest.Result third = ingest("a3", "low", "wkstn-1", T0.plusSeconds(30));
		AlertIngest.Result otherHost = ingest("a4", "low", "wkstn-2", T0);

		assertThat(second.outcome()).isEqualTo(AlertIngest.Outcome.ADDED);
		assertThat(second.incidentId()).isEqualTo(first.incidentId());
		assertThat(third.incidentId()).isEqualTo(first.incidentId());
		assertThat(otherHost.incidentId()).isNotEqualTo(first.incidentId());
		Incident incident = incidents.findById(first.incidentId()).orElseThrow();
		assertThat(incident.alertCount()).isEqualTo(3);
		assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(incident.firstSeen()).isEqualTo(T0);
		assertThat(incident.lastSeen()).isEqualTo(T0.plusSeconds(90));
		assertThat(jdbc.sql("SELECT count(*) FROM alerts WHERE incident_id = ?")
			.param(first.incidentId())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void shouldOpenNewIncidentWhenPreviousIsResolvedAsFalsePositive() {
		AlertIngest.Result first = ingest("a1", "high", "wkstn-1", T0);
		incidents.resolve(first.incidentId(), "false_positive");

		AlertIngest.Result replay = ingest("a1", "high", "wkstn-1", T0);
		AlertIngest.Result next = ingest("a2", "high", "wkstn-1", T0.plusSeconds(3600));

		assertThat(replay.outcome()).isEqualTo(AlertIngest.Outcome.DUPLICATE);
		assertThat(next.outcome()).isEqualTo(AlertIngest.Outcome.NEW_INCIDENT);
		assertThat(next.incidentId()).isNotEqualTo(first.incidentId());
		assertThat(incidents.findById(first.incidentId()).orElseThrow().alertCount()).isEqualTo(1);
		assertThat(incidents.findById(next.incidentId()).orElseThrow().status()).isEqualTo(IncidentStatus.NEW);
		assertThat(count("SELECT count(*) FROM incidents WHERE rule_id = ?")).isEqualTo(2);
	}

	@Test
	void shouldKeepEventsAndRawAlertWhenStored() {
		ingest("a1", "high", "wkstn-1", T0);

		String commandLine = jdbc
			.sql("SELECT events->0->'process'->>'command_line' FROM alerts WHERE rule_id = ?")
			.param(ruleId)
			.query(String.class)
			.single();
		String tactic = jdbc.sql("SELECT raw->'rule'->>'tactic' FROM alerts WHERE rule_id = ?")
			.param(ruleId)
			.query(String.class)
			.single();
		assertThat(commandLine).isEqualTo("powershell -enc SQBFAFgA");
		assertThat(tactic).isEqualTo("execution");
	}

	@Test
	void shouldStoreAlertWhenEventContainsNulCharacter() {
		String id = ruleId + "-nul";
		AlertIngest.Result result = ingest.ingest(AlertJson.parse(mapper,
				TestAlerts.alert(id, ruleId, "high", "wkstn-1", T0, "cmd /c echo a\\u0000b")));

		assertThat(result.outcome()).isEqualTo(AlertIngest.Outcome.NEW_INCIDENT);
		assertThat(jdbc.sql("SELECT events->0->'process'->>'command_line' FROM alerts WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("cmd /c echo a\ufffdb");
	}

	@Test
	void shouldRaiseTheSuppressedCountWhenTheSameAlertArrivesAgainWithACount() {
		String json = TestAlerts.alert(ruleId + "-a1", ruleId, "high", "wkstn-1", T0, "powershell -enc SQBFAFgA");
		AlertIngest.Result first = ingest.ingest(AlertJson.parse(mapper, json));
		Instant last = T0.plusSeconds(540);

		AlertIngest.Result update = ingest.ingest(AlertJson.parse(mapper, TestAlerts.withSuppressed(json, 4, last)));

		assertThat(update.outcome()).isEqualTo(AlertIngest.Outcome.SUPPRESSED_COUNT_UPDATED);
		assertThat(update.incidentId()).isEqualTo(first.incidentId());
		assertThat(count("SELECT suppressed_count FROM alerts WHERE rule_id = ?")).isEqualTo(4);
		assertThat(jdbc.sql("SELECT (raw->>'suppressed_count')::bigint FROM alerts WHERE rule_id = ?")
			.param(ruleId)
			.query(Long.class)
			.single()).isEqualTo(4);
		Incident incident = incidents.findById(first.incidentId()).orElseThrow();
		assertThat(incident.alertCount()).as("still one alert").isEqualTo(1);
		assertThat(incident.lastSeen()).isEqualTo(last);
		assertThat(jdbc.sql("SELECT last_suppressed_at FROM alerts WHERE rule_id = ?")
			.param(ruleId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(last);
	}

	@Test
	void shouldChangeNothingWhenTheSameCountIsReplayedOrALowerCountArrives() {
		String json = TestAlerts.alert(ruleId + "-a1", ruleId, "high", "wkstn-1", T0, "powershell -enc SQBFAFgA");
		ingest.ingest(AlertJson.parse(mapper, json));
		ingest.ingest(AlertJson.parse(mapper, TestAlerts.withSuppressed(json, 4, T0.plusSeconds(540))));
		Incident before = incidents.findById(
				jdbc.sql("SELECT incident_id FROM alerts WHERE rule_id = ?").param(ruleId).query(Long.class).single())
			.orElseThrow();

		AlertIngest.Result replay = ingest.ingest(AlertJson.parse(mapper,
				TestAlerts.withSuppressed(json, 4, T0.plusSeconds(540))));
		AlertIngest.Result lower = ingest.ingest(AlertJson.parse(mapper,
				TestAlerts.withSuppressed(json, 2, T0.plusSeconds(60))));
		AlertIngest.Result original = ingest.ingest(AlertJson.parse(mapper, json));

		assertThat(replay.outcome()).isEqualTo(AlertIngest.Outcome.DUPLICATE);
		assertThat(lower.outcome()).isEqualTo(AlertIngest.Outcome.DUPLICATE);
		assertThat(original.outcome()).isEqualTo(AlertIngest.Outcome.DUPLICATE);
		assertThat(count("SELECT suppressed_count FROM alerts WHERE rule_id = ?")).isEqualTo(4);
		assertThat(jdbc.sql("SELECT last_suppressed_at FROM alerts WHERE rule_id = ?")
			.param(ruleId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(T0.plusSeconds(540));
		assertThat(incidents.findById(before.id()).orElseThrow()).isEqualTo(before);
	}

	@Test
	void shouldStoreTheCountWhenTheUpdateIsTheFirstRecordOfAnAlert() {
		String json = TestAlerts.alert(ruleId + "-a1", ruleId, "high", "wkstn-1", T0, "powershell -enc SQBFAFgA");

		AlertIngest.Result result = ingest.ingest(AlertJson.parse(mapper,
				TestAlerts.withSuppressed(json, 3, T0.plusSeconds(30))));

		assertThat(result.outcome()).isEqualTo(AlertIngest.Outcome.NEW_INCIDENT);
		assertThat(count("SELECT suppressed_count FROM alerts WHERE rule_id = ?")).isEqualTo(3);
		assertThat(ingest.ingest(AlertJson.parse(mapper, json)).outcome()).isEqualTo(AlertIngest.Outcome.DUPLICATE);
		assertThat(count("SELECT suppressed_count FROM alerts WHERE rule_id = ?")).isEqualTo(3);
	}

	@Test
	void shouldReopenTheIncidentWhenAlertArrivesWithinTheWindowAfterTruePositive() {
		AlertIngest.Result first = ingest("a1", "high", "wkstn-1", T0);
		workflow.acknowledge(first.incidentId(), ANN);
		workflow.resolve(first.incidentId(), Resolution.TRUE_POSITIVE, null, ANN);

		AlertIngest.Result next = ingest("a2", "high", "wkstn-1", T0.plusSeconds(60));

		assertThat(next.outcome()).isEqualTo(AlertIngest.Outcome.REOPENED);
		assertThat(next.incidentId()).isEqualTo(first.incidentId());
		Incident reopened = incidents.findById(first.incidentId()).orElseThrow();
		assertThat(reopened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
		assertThat(reopened.reopenCount()).isEqualTo(1);
		assertThat(reopened.resolution()).isNull();
		assertThat(reopened.resolvedAt()).isNull();
		assertThat(reopened.alertCount()).isEqualTo(2);
		assertThat(reopened.groupingReason()).startsWith("rule Encoded PowerShell command line (" + ruleId + "), host wkstn-1")
			.contains("reopened by alert " + ruleId + "-a2", "reopen window PT1H");
		assertThat(jdbc.sql("SELECT actor || ' ' || after::text FROM audit_log WHERE incident_id = ? AND action = 'reopen'")
			.param(first.incidentId())
			.query(String.class)
			.single()).startsWith("system ").contains("\"alert\": \"" + ruleId + "-a2\"", "\"reopen_count\": 1");
		assertThat(count("SELECT count(*) FROM incidents WHERE rule_id = ?")).isEqualTo(1);
	}

	@Test
	void shouldOpenNewIncidentWhenTruePositiveWasResolvedLongerAgoThanTheWindow() {
		AlertIngest.Result first = ingest("a1", "high", "wkstn-1", T0);
		workflow.resolve(first.incidentId(), Resolution.TRUE_POSITIVE, null, ANN);
		jdbc.sql("UPDATE incidents SET resolved_at = now() - interval '61 minutes' WHERE id = ?")
			.param(first.incidentId())
			.update();

		AlertIngest.Result next = ingest("a2", "high", "wkstn-1", T0.plusSeconds(60));

		assertThat(next.outcome()).isEqualTo(AlertIngest.Outcome.NEW_INCIDENT);
		assertThat(next.incidentId()).isNotEqualTo(first.incidentId());
		assertThat(incidents.findById(next.incidentId()).orElseThrow().groupingReason())
			.isEqualTo("rule Encoded PowerShell command line (" + ruleId + "), host wkstn-1: its alerts join this "
					+ "incident while it is open");
		assertThat(incidents.findById(first.incidentId()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
	}

	@Test
	void shouldAddAlertToTheTargetWhenItsIncidentWasMergedIntoAnOpenOne() {
		AlertIngest.Result source = ingest("a1", "low", "wkstn-1", T0);
		AlertIngest.Result target = ingest("a2", "low", "wkstn-2", T0);
		workflow.merge(source.incidentId(), target.incidentId(), new Actor("lead-" + ruleId, Role.LEAD));

		AlertIngest.Result next = ingest("a3", "medium", "wkstn-1", T0.plusSeconds(60));

		assertThat(next.outcome()).isEqualTo(AlertIngest.Outcome.ADDED);
		assertThat(next.incidentId()).isEqualTo(target.incidentId());
		assertThat(incidents.findById(target.incidentId()).orElseThrow().alertCount()).isEqualTo(3);
		assertThat(incidents.findById(source.incidentId()).orElseThrow().alertCount()).isZero();
	}

	@Test
	void shouldReopenOnceWhenTwoAlertsOfTheResolvedIncidentArriveConcurrently() throws Exception {
		AlertIngest.Result first = ingest("a1", "high", "wkstn-1", T0);
		workflow.resolve(first.incidentId(), Resolution.TRUE_POSITIVE, null, ANN);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<AlertIngest.Result> a2 = pool.submit(() -> {
				start.await();
				return ingest("a2", "high", "wkstn-1", T0.plusSeconds(60));
			});
			Future<AlertIngest.Result> a3 = pool.submit(() -> {
				start.await();
				return ingest("a3", "high", "wkstn-1", T0.plusSeconds(61));
			});
			start.countDown();

			assertThat(List.of(a2.get(30, TimeUnit.SECONDS), a3.get(30, TimeUnit.SECONDS)))
				.extracting(AlertIngest.Result::incidentId)
				.containsOnly(first.incidentId());
		}
		finally {
			pool.shutdownNow();
		}
		Incident incident = incidents.findById(first.incidentId()).orElseThrow();
		assertThat(incident.reopenCount()).isEqualTo(1);
		assertThat(incident.alertCount()).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM incidents WHERE rule_id = ?")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE incident_id = ? AND action = 'reopen'")
			.param(first.incidentId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
