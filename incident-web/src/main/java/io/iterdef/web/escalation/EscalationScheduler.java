package io.iterdef.web.escalation;

import io.iterdef.web.audit.AuditLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.iterdef.web.incident.Severity;
import io.iterdef.web.notify.Notifier;
import io.iterdef.web.sla.SlaMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation poll (every iterdef.escalation.poll-interval). Each step is one transaction:
 * <ol>
 * <li>attach: every new, unacknowledged incident created since the first policy existed and without an
 * escalation row gets one, under the policy version in force when it was created, or a stopped row when none
 * matches;</li>
 * <li>stop: escalations of incidents acknowledged, resolved or merged are stopped (audited);</li>
 * <li>fire: due escalations are claimed with FOR UPDATE SKIP LOCKED; their level's notifications go into the
 * outbox and the row moves to the next level, in the claiming transaction, so with several instances each
 * level fires once;</li>
 * <li>SLA: warnings and breaches are recorded once ({@link SlaMonitor}).</li>
 * </ol>
 */
@Component
@ConditionalOnProperty(name = "iterdef.escalation.enabled", havingValue = "true", matchIfMissing = true)
class EscalationScheduler {

	private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

	static final int BATCH = 50;

	private final EscalationRepository escalations;

	private final PolicyRepository policies;

	private final Notifier notifier;

	private final AuditLog audit;

	private final SlaMonitor sla;

	private final TransactionTemplate tx;

	EscalationScheduler(EscalationRepository escalations, PolicyRepository policies, Notifier notifier,
			AuditLog audit, SlaMonitor sla, TransactionTemplate tx) {
		this.escalations = escalations;
		this.policies = policies;
		this.notifier = notifier;
		this.audit = audit;
		this.sla = sla;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${iterdef.escalation.poll-interval:PT5S}",
			initialDelayString = "${iterdef.escalation.poll-interval:PT5S}")
	void poll() {
		try {
			tx.executeWithoutResult(s -> attach());
			tx.executeWithoutResult(s -> stop());
			Integer fired;
			do {
				fired = tx.execute(s -> fire());
			}
			while (fired != null && fired == BATCH);
			tx.executeWithoutResult(s -> sla.recordCrossings());
		}
		catch (RuntimeException ex) {
			log.warn("Escalation poll failed (retried at the next poll): {}", ex.toString());
		}
	}

	void attach() {
		List<EscalationRepository.Candidate> candidates = escalations.candidates(200);
		if (candidates.isEmpty()) {
			return;
		}
		List<Map.Entry<Policy, List<PolicyVersion>>> enabled = policies.enabledWithHistory();
		for (EscalationRepository.Candidate c : candidates) {
			Optional<PolicyVersion> version = PolicyMatcher.match(enabled, c.ruleId(), Severity.parse(c.severity()),
					c.createdAt());
			if (version.isEmpty()) {
				escalations.attachStopped(c.incidentId(), null, null, "no policy matched");
			}
			else {
				PolicyVersion v = version.get();
				if (escalations.attach(c.incidentId(), v.policyId(), v.version(),
						EscalationSteps.firstDue(v.levels(), c.createdAt()))) {
					audit.append(AuditLog.SYSTEM, c.incidentId(), "escalation.start", null,
							Map.of("policy_id", v.policyId(), "version", v.version()));
				}
			}
		}
	}

	void stop() {
		for (EscalationRepository.Stopped s : escalations.stopAcknowledged()) {
			audit.append(AuditLog.SYSTEM, s.incidentId(), "escalation.stop",
					Map.of("policy_id", s.policyId(), "version", s.version(), "next_level", s.nextLevel() + 1, "round",
							s.round()),
					Map.of("stop_reason", s.reason()));
		}
	}

	int fire() {
		List<EscalationRepository.Due> due = escalations.claimDue(BATCH);
		for (EscalationRepository.Due d : due) {
			PolicyVersion v = policies.version(d.policyId(), d.version()).orElseThrow();
			Level level = v.levels().get(d.nextLevel());
			int levelNumber = d.nextLevel() + 1;
			String reason = "not acknowledged: escalation level " + levelNumber + " of " + v.levels().size()
					+ (d.round() > 0 ? ", repeat " + d.round() + " of " + v.repeatCount() : "");
			int created = notifier.notify(d.incident(), "escalation", levelNumber, d.round(),
					"escalation:" + d.incidentId() + ":r" + d.round() + ":l" + levelNumber, level.targets(), reason);
			Optional<EscalationSteps.Step> next = EscalationSteps.after(v.levels(), v.repeatCount(), d.nextLevel(),
					d.round(), d.nextAt());
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("policy_id", d.policyId());
			after.put("version", d.version());
			after.put("level", levelNumber);
			after.put("round", d.round());
			after.put("notifications", created);
			if (next.isPresent()) {
				escalations.advance(d.incidentId(), next.get().level(), next.get().round(), next.get().dueAt());
				after.put("next_level", next.get().level() + 1);
				after.put("next_at", next.get().dueAt().toString());
			}
			else {
				escalations.complete(d.incidentId(), "all levels done");
				after.put("stop_reason", "all levels done");
			}
			audit.append(AuditLog.SYSTEM, d.incidentId(), "escalation.level", null, after);
		}
		return due.size();
	}

}
