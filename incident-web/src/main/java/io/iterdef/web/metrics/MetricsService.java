package io.iterdef.web.metrics;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Computes the metrics page's numbers for a period and an optional rule id, in one read-only snapshot. */
@Service
class MetricsService {

	private final MetricsRepository repository;

	MetricsService(MetricsRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Metrics compute(MetricsPeriod period, String rule) {
		String ruleId = rule == null || rule.isBlank() ? null : rule.trim();
		return new Metrics(period.from(), period.to(), ruleId, repository.overall(period.from(), period.to(), ruleId),
				repository.by(MetricsRepository.Dimension.SEVERITY, period.from(), period.to(), ruleId),
				repository.by(MetricsRepository.Dimension.RULE, period.from(), period.to(), ruleId),
				repository.by(MetricsRepository.Dimension.TEAM, period.from(), period.to(), ruleId),
				repository.breaches(period.from(), period.to(), ruleId), MetricsRepository.SEVERITIES,
				repository.openByAge(ruleId));
	}

}
