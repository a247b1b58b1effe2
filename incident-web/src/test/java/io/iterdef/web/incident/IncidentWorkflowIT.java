package io.iterdef.web.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.iterdef.web.StackSupport;
import io.iterdef.web.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentWorkflowIT extends StackSupport {

	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

	@Autowired
	private IncidentWorkflow workflow;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private JdbcClient jdbc;

	private IncidentTestData data;

	@Autowired
	void data(JdbcClient jdbc, IncidentRepository incidents) {
		this.data = new IncidentTestData(jdbc, incidents);
	}

	@Test
	void shouldWalkTheWorkflowAndAuditEveryStepWithBeforeAndAfter() {
		Actor ann = new Actor(data.user("analyst"), Role.ANALYST);
		long id = data.incident("fin-ws07", Severity.HIGH, T0);

		workflow.acknowledge(id, ann);
		workflow.startInvestigation(id, ann);
		workflow.addNote(id, "Checked **the host**", ann);
		workflow.resolve(id, Resolution.FALSE_POSITIVE, "admin script", ann);

		Incident resolved = incidents.findById(id).orElseThrow();
		assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(resolved.resolution()).isEqualTo(Resolution.FALSE_POSITIVE);
		assertThat(resolved.acknowledgedBy()).isEqualTo(ann.username());
		assertThat(resolved.resolvedBy()).isEqualTo(ann.username());
		assertThat(resolved.acknowledgedAt()).isNotNull();
		assertThat(resolved.resolvedAt()).isAfterOrEqualTo(resolved.acknowledgedAt());
		assertThat(jdbc.sql("SELECT body FROM incident_notes WHERE incident_id = ? ORDER BY id").param(id)
			.query(String.class).list()).containsExactly("Checked **the host**", "admin script");
		assertThat(data.audit(id)).satisfiesExactly(
				e -> assertThat(e).startsWith("acknowledge " + ann.username() + " {")
					.contains("\"status\": \"new\"", "-> {", "\"status\": \"acknowledged\"", "\"acknowledged_by\": \"" + ann.username()),
				e -> assertThat(e).startsWith("investigate ").contains("\"status\": \"investigating\""),
				e -> assertThat(e).startsWith("note ").contains("Checked **the host**"),
				e -> assertThat(e).startsWith("resolve ")
					.contains("{\"status\": \"investigating\", \"resolution\": null, \"resolved_by\": null}")
					.contains("\"resolution\": \"false_positive\"", "\"note_id\""));

		workflow.reopen(id, ann);

		Incident reopened = incidents.findById(id).orElseThrow();
		assertThat(reopened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
		assertThat(reopened.resolution()).isNull();
		assertThat(reopened.resolvedAt()).isNull();
		assertThat(reopened.reopenCount()).isEqualTo(1);
		assertThat(data.audit(id)).last().asString().startsWith("reopen ").contains("\"reopen_count\": 1");
	}

	@Test
	void shouldRefuseStepsThatDoNotFitTheStateWithClearMessages() {
		Actor ann = new Actor(data.user("analyst"), Role.ANALYST);
		long id = data.incident("fin-ws08", Severity.LOW, T0);
		workflow.acknowledge(id, ann);

		assertThatThrownBy(() -> workflow.acknowledge(id, ann)).isInstanceOf(WorkflowException.class)
			.hasMessage("Incident " + id + " was already acknowledged by " + ann.username() + "; it is acknowledged now");
		workflow.resolve(id, Resolution.BENIGN, null, ann);
		assertThatThrownBy(() -> workflow.resolve(id, Resolution.TRUE_POSITIVE, null, ann))
			.isInstanceOf(WorkflowException.class)
			.hasMessage("Incident " + id + " is already resolved; reopen it first");
		assertThatThrownBy(() -> workflow.acknowledge(Long.MAX_VALUE, ann)).isInstanceOf(IncidentNotFoundException.class);
		assertThat(data.audit(id)).hasSize(2);
	}

	@Test
	void shouldRefuseUpdateAndDeleteOfAuditEntriesInTheDatabase() {
		Actor ann = new Actor(data.user("analyst"), Role.ANALYST);
		long id = data.incident("fin-ws09", Severity.LOW, T0);
		workflow.acknowledge(id, ann);

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'mallory' WHERE incident_id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("audit_log is append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE incident_id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("audit_log is append-only");
		assertThat(data.audit(id)).singleElement().asString().startsWith("acknowledge " + ann.username());
	}

	@Test
	void shouldLetAnalystTakeButNotAssignOthersWhileLeadAssignsUserAndTeam() {
		Actor ann = new Actor(data.user("analyst"), Role.ANALYST);
		Actor lee = new Actor(data.user("lead"), Role.LEAD);
		String bob = data.user("analyst");
		String team = data.team();
		long id = data.incident("fin-ws10", Severity.MEDIUM, T0);

		assertThatThrownBy(() -> workflow.assign(id, bob, null, ann)).isInstanceOf(AccessDeniedException.class);
		workflow.assignUser(id, ann.username(), ann);
		assertThat(data.column(id, "assignee")).isEqualTo(ann.username());
		workflow.assign(id, bob, team, lee);

		Incident assigned = incidents.findById(id).orElseThrow();
		assertThat(assigned.assignee()).isEqualTo(bob);
		assertThat(assigned.team()).isEqualTo(team);
		assertThatThrownBy(() -> workflow.assign(id, "nobody-" + bob, null, lee)).isInstanceOf(WorkflowException.class)
			.hasMessageContaining("There is no active user");
		assertThat(data.audit(id)).last().asString()
			.isEqualTo("assign " + lee.username() + " {\"team\": null, \"assignee\": \"" + ann.username()
					+ "\"} -> {\"team\": \"" + team + "\", \"assignee\": \"" + bob + "\"}");
	}

	@Test
	void shouldPauseAndResumeSlaClockOnceAtATime() {
		Actor ann = new Actor(data.user("analyst"), Role.ANALYST);
		long id = data.incident("fin-ws11", Severity.HIGH, T0);

		workflow.pauseSla(id, "waiting on the host owner", ann);

		assertThat(jdbc.sql("SELECT paused FROM incident_sla WHERE incident_id = ?").param(id).query(Boolean.class)
			.single()).isTrue();
		assertThatThrownBy(() -> workflow.pauseSla(id, "again", ann)).isInstanceOf(WorkflowException.class)
			.hasMessageContaining("already paused");
		workflow.resumeSla(id, ann);
		assertThat(jdbc.sql("SELECT paused FROM incident_sla WHERE incident_id = ?").param(id).query(Boolean.class)
			.single()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM incident_sla_pauses WHERE incident_id = ? AND resumed_by = ?")
			.params(id, ann.username()).query(Long.class).single()).isEqualTo(1);
		assertThat(data.audit(id)).extracting(e -> e.substring(0, e.indexOf(' '))).containsExactly("sla_pause", "sla_resume");
	}

	@Test
	void shouldMoveAlertsAndCountsWhenMergingAndSplitting() {
		Actor lee = new Actor(data.user("lead"), Role.LEAD);
		long target = data.incident("fin-ws12", Severity.LOW, T0, T0.plusSeconds(60));
		long source = data.incident("fin-ws13", Severity.CRITICAL, T0.minusSeconds(300));

		assertThatThrownBy(() -> workflow.merge(source, target, new Actor(data.user("analyst"), Role.ANALYST)))
			.isInstanceOf(AccessDeniedException.class);
		workflow.merge(source, target, lee);

		Incident merged = incidents.findById(target).orElseThrow();
		assertThat(merged.alertCount()).isEqualTo(3);
		assertThat(merged.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(merged.firstSeen()).isEqualTo(T0.minusSeconds(300));
		assertThat(merged.lastSeen()).isEqualTo(T0.plusSeconds(60));
		Incident duplicate = incidents.findById(source).orElseThrow();
		assertThat(duplicate.status()).isEqualTo(IncidentStatus.RESOLVED);
		assertThat(duplicate.resolution()).isEqualTo(Resolution.DUPLICATE);
		assertThat(duplicate.mergedInto()).isEqualTo(target);
		assertThat(duplicate.alertCount()).isZero();
		assertThat(data.audit(source)).singleElement().asString().startsWith("merge ").contains("\"merged_into\": " + target);
		assertThat(data.audit(target)).singleElement().asString().startsWith("merge ").contains("\"merged_from\": " + source);

		String alertId = jdbc.sql("SELECT id FROM alerts WHERE incident_id = ? AND severity = 'critical'").param(target)
			.query(String.class).single();
		long split = workflow.splitAlert(alertId, lee);

		Incident rest = incidents.findById(target).orElseThrow();
		Incident out = incidents.findById(split).orElseThrow();
		assertThat(rest.alertCount()).isEqualTo(2);
		assertThat(rest.severity()).isEqualTo(Severity.LOW);
		assertThat(out.alertCount()).isEqualTo(1);
		assertThat(out.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(out.status()).isEqualTo(IncidentStatus.NEW);
		assertThat(out.groupKey()).isEqualTo("fin-ws12#split-" + alertId);
		assertThat(out.groupingReason()).contains("split out of incident " + target);
		assertThat(data.audit(target)).last().asString().startsWith("split ").contains("\"split_into\": " + split);
		assertThat(data.audit(split)).singleElement().asString().contains("\"split_from\": " + target);
		String last = jdbc.sql("SELECT id FROM alerts WHERE incident_id = ? LIMIT 1").param(split).query(String.class).single();
		assertThatThrownBy(() -> workflow.splitAlert(last, lee)).isInstanceOf(WorkflowException.class)
			.hasMessageContaining("only alert");
	}

}
