package io.iterdef.web.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.iterdef.web.sla.Durations;

/**
 * The policy form as typed: up to {@value #LEVEL_ROWS} level rows (blank rows are ignored), delays as
 * durations ("5m"), targets as a comma-separated list.
 */
public class PolicyForm {

	static final int LEVEL_ROWS = 5;

	private String name = "";

	private String priority = "100";

	private List<String> severities = new ArrayList<>(List.of("high", "critical"));

	private String rulePattern = "";

	private String repeat = "0";

	private List<String> delays = blanks();

	private List<String> targets = blanks();

	private static List<String> blanks() {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < LEVEL_ROWS; i++) {
			rows.add("");
		}
		return rows;
	}

	/** The form filled from a policy, for editing. */
	static PolicyForm of(Policy policy) {
		PolicyForm form = new PolicyForm();
		PolicyVersion v = policy.current();
		form.name = policy.name();
		form.priority = Integer.toString(policy.priority());
		form.severities = v.severities().stream().sorted().map(s -> s.dbValue()).collect(Collectors.toCollection(ArrayList::new));
		form.rulePattern = v.rulePattern() == null ? "" : v.rulePattern();
		form.repeat = Integer.toString(v.repeatCount());
		for (int i = 0; i < v.levels().size() && i < LEVEL_ROWS; i++) {
			Level level = v.levels().get(i);
			form.delays.set(i, Durations.format(level.delaySeconds()));
			form.targets.set(i, level.targets().stream().map(Target::display).collect(Collectors.joining(", ")));
		}
		return form;
	}

	/** The severities the form offers, lowest first. */
	public List<io.iterdef.web.incident.Severity> allSeverities() {
		return List.of(io.iterdef.web.incident.Severity.values());
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPriority() {
		return priority;
	}

	public void setPriority(String priority) {
		this.priority = priority;
	}

	public List<String> getSeverities() {
		return severities;
	}

	public void setSeverities(List<String> severities) {
		this.severities = severities == null ? new ArrayList<>() : severities;
	}

	public String getRulePattern() {
		return rulePattern;
	}

	public void setRulePattern(String rulePattern) {
		this.rulePattern = rulePattern;
	}

	public String getRepeat() {
		return repeat;
	}

	public void setRepeat(String repeat) {
		this.repeat = repeat;
	}

	public List<String> getDelays() {
		return delays;
	}

	public void setDelays(List<String> delays) {
		this.delays = padded(delays);
	}

	public List<String> getTargets() {
		return targets;
	}

	public void setTargets(List<String> targets) {
		this.targets = padded(targets);
	}

	private static List<String> padded(List<String> rows) {
		List<String> result = new ArrayList<>(rows == null ? List.of() : rows);
		while (result.size() < LEVEL_ROWS) {
			result.add("");
		}
		return result;
	}

}
