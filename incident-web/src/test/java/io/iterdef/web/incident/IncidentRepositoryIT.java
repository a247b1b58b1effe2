package io.iterdef.web.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentRepositoryIT extends StackSupport {

	private static final Instant T0 = Instant.parse("2020-09-04T20:09:55.760Z");

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private JdbcClient jdbc;

	private final String ruleId = "it-rule-" + UUID.randomUUID();

	private long open(String groupKey) {
		return incidents.insertOpen("Rule on " + groupKey, ruleId, "Rule", Severity.MEDIUM, groupKey, groupKey, T0)
			.orElseThrow();
	}

	@Test
	void shouldFindIncidentWhenOpened() {
		long id = open("wkstn-1");

		Incident incident = incidents.findById(id).orElseThrow();
		assertThat(incident.ruleId()).isEqualTo(ruleId);
		assertThat(incident.status()).isEqualTo(IncidentStatus.NEW);
		assertThat(incident.severity()).isEqualTo(Severity.MEDIUM);
		assertThat(incident.firstSeen()).isEqualTo(T0);
		assertThat(incident.alertCount()).isZero();
		assertThat(incidents.findOpenForUpdate(ruleId, "wkstn-1")).map(Incident::id).contains(id);
		assertThat(incidents.findById(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void shouldRefuseSecondOpenIncidentWhenOneIsOpenForSameRuleAndGroup() {
		long first = open("wkstn-1");

		Optional<Long> second = incidents.insertOpen("again", ruleId, "Rule", Severity.HIGH, "wkstn-1", "wkstn-1", T0);

		assertThat(second).isEmpty();
		assertThat(open("wkstn-2")).isNotEqualTo(first);
		assertThat(jdbc.sql("SELECT count(*) FROM incidents WHERE rule_id = ?").param(ruleId).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void shouldAllowNewOpenIncidentWhenPreviousIsResolved() {
		long first = open("wkstn-1");
		assertThat(incidents.resolve(first, "true_positive")).isTrue();

		long second = open("wkstn-1");

		assertThat(second).isNotEqualTo(first);
		assertThat(incidents.findOpenForUpdate(ruleId, "wkstn-1")).map(Incident::id).contains(second);
	}

	@Test
	void shouldWidenTimeRangeAndCountWhenAlertIsAdded() {
		long id = open("wkstn-1");

		incidents.addAlert(id, Severity.HIGH, T0.plusSeconds(60));
		incidents.addAlert(id, Severity.HIGH, T0.minusSeconds(30));

		Incident incident = incidents.findById(id).orElseThrow();
		assertThat(incident.alertCount()).isEqualTo(2);
		assertThat(incident.severity()).isEqualTo(Severity.HIGH);
		assertThat(incident.firstSeen()).isEqualTo(T0.minusSeconds(30));
		assertThat(incident.lastSeen()).isEqualTo(T0.plusSeconds(60));
		assertThat(incident.updatedAt()).isAfterOrEqualTo(incident.createdAt());
	}

	@Test
	void shouldListNewestFirstWhenPaging() {
		long older = open("wkstn-1");
		long newer = open("wkstn-2");

		List<Incident> newest = incidents.findNewest(0, 200);

		List<Long> ids = newest.stream().map(Incident::id).filter(i -> i == older || i == newer).toList();
		assertThat(ids).containsExactly(newer, older);
		assertThat(incidents.count()).isGreaterThanOrEqualTo(2);
		assertThat(incidents.findNewest(0, 1)).hasSize(1);
	}

	@Test
	void shouldReturnAlertsWithFlattenedEventsWhenIncidentHasAlerts() {
		long id = open("wkstn-1");
		jdbc.sql("""
				INSERT INTO alerts (id, incident_id, rule_id, rule_name, severity, attack, host_name, group_key,
				                    alert_time, event_ids, events, raw)
				VALUES (?, ?, ?, 'Rule', 'high', '{T1059.001,T1027}', 'wkstn-1', 'wkstn-1', ?, '{e1}', ?::jsonb, '{}')""")
			.params(ruleId + "-a1", id, ruleId, IncidentRepository.utc(T0),
					"[{\"event\":{\"id\":\"e1\",\"code\":\"1\"},\"process\":{\"parent\":{\"name\":\"wscript.exe\"}}}]")
			.update();

		List<IncidentAlert> alerts = incidents.findAlerts(id);

		assertThat(alerts).hasSize(1);
		IncidentAlert alert = alerts.get(0);
		assertThat(alert.attack()).containsExactly("T1059.001", "T1027");
		assertThat(alert.alertTime()).isEqualTo(T0);
		assertThat(alert.events()).hasSize(1);
		assertThat(alert.events().get(0).id()).isEqualTo("e1");
		assertThat(alert.events().get(0).fields()).contains(new EventFields.Field("event.code", "1"),
				new EventFields.Field("process.parent.name", "wscript.exe"));
	}

}
