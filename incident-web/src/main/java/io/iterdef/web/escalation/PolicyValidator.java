package io.iterdef.web.escalation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.iterdef.web.incident.Severity;
import io.iterdef.web.sla.Durations;

/**
 * Checks a policy form and turns it into a draft, or says field by field what is wrong and how to fix it.
 * Users and teams named as targets must exist.
 */
final class PolicyValidator {

	static final long MAX_DELAY_SECONDS = 30L * 86400;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

	/** A checked policy, ready to be stored as a new version. */
	record Draft(String name, int priority, Set<Severity> severities, String rulePattern, List<Level> levels,
			int repeatCount) {
	}

	/** Either a draft or the errors by field name ({@code levels} for the levels as a whole). */
	record Result(Draft draft, Map<String, String> errors) {

		boolean ok() {
			return errors.isEmpty();
		}

	}

	private final Predicate<String> userExists;

	private final Predicate<String> teamExists;

	PolicyValidator(Predicate<String> userExists, Predicate<String> teamExists) {
		this.userExists = userExists;
		this.teamExists = teamExists;
	}

	Result validate(PolicyForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = trim(form.getName());
		if (name.isEmpty() || name.length() > 100) {
			errors.put("name", "Give the policy a name of 1 to 100 characters.");
		}
		int priority = integer(form.getPriority(), 0, 1_000_000, "priority",
				"Priority must be a whole number from 0 to 1000000 (lower is tried first).", errors);
		int repeat = integer(form.getRepeat(), 0, 100, "repeat",
				"Repeat must be a whole number from 0 to 100 (how many more times the levels run after the last one).",
				errors);
		Set<Severity> severities = EnumSet.noneOf(Severity.class);
		for (String s : form.getSeverities()) {
			Severity severity = Severity.parse(s);
			if (severity == null) {
				errors.put("severities", "Unknown severity '" + s + "': choose from low, medium, high, critical.");
			}
			else {
				severities.add(severity);
			}
		}
		if (severities.isEmpty()) {
			errors.putIfAbsent("severities", "Choose at least one severity the policy applies to.");
		}
		String pattern = trim(form.getRulePattern());
		if (!pattern.isEmpty()) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				errors.put("rulePattern", "The rule id pattern is not a valid regular expression ("
						+ ex.getDescription() + "); leave it empty to match every rule.");
			}
		}
		List<Level> levels = levels(form, errors);
		Draft draft = errors.isEmpty()
				? new Draft(name, priority, severities, pattern.isEmpty() ? null : pattern, levels, repeat) : null;
		return new Result(draft, errors);
	}

	private List<Level> levels(PolicyForm form, Map<String, String> errors) {
		List<Level> levels = new ArrayList<>();
		boolean gap = false;
		for (int i = 0; i < form.getDelays().size() || i < form.getTargets().size(); i++) {
			String delayText = i < form.getDelays().size() ? trim(form.getDelays().get(i)) : "";
			String targetText = i < form.getTargets().size() ? trim(form.getTargets().get(i)) : "";
			String field = "level" + (i + 1);
			if (delayText.isEmpty() && targetText.isEmpty()) {
				gap = true;
				continue;
			}
			if (gap) {
				errors.put(field, "Level " + (i + 1) + " follows an empty level: fill the levels from the top, without gaps.");
				continue;
			}
			OptionalLong delay = Durations.parseSeconds(delayText.isEmpty() ? "0" : delayText);
			if (delay.isEmpty() || delay.getAsLong() > MAX_DELAY_SECONDS) {
				errors.put(field, "Level " + (i + 1) + ": '" + delayText
						+ "' is not a delay; write it like 90s, 15m, 4h or 1h30m (at most 30 days).");
				continue;
			}
			List<Target> targets = new ArrayList<>();
			for (String token : targetText.split("[,;\\s]+")) {
				if (token.isEmpty()) {
					continue;
				}
				String problem = parseTarget(token, targets);
				if (problem != null) {
					errors.put(field, "Level " + (i + 1) + ": " + problem);
				}
			}
			if (targets.isEmpty()) {
				errors.putIfAbsent(field, "Level " + (i + 1) + " has no target: name at least one.");
			}
			levels.add(new Level(delay.getAsLong(), targets));
		}
		if (levels.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("level"))) {
			errors.put("levels", "Add at least one level (a delay and its targets).");
		}
		return levels;
	}

	/** Adds the target, or returns what is wrong with it. */
	private String parseTarget(String token, List<Target> targets) {
		String lower = token.toLowerCase(Locale.ROOT);
		if (lower.startsWith("user:")) {
			String user = token.substring(5);
			if (!userExists.test(user)) {
				return "there is no user '" + user + "'.";
			}
			targets.add(new Target(Target.Type.USER, user));
		}
		else if (lower.startsWith("team:")) {
			String team = token.substring(5);
			if (!teamExists.test(team)) {
				return "there is no team '" + team + "'.";
			}
			targets.add(new Target(Target.Type.TEAM, team));
		}
		else if (lower.startsWith("http://") || lower.startsWith("https://")) {
			try {
				URI uri = new URI(token);
				if (uri.getHost() == null) {
					return "the webhook URL '" + token + "' has no host.";
				}
			}
			catch (URISyntaxException ex) {
				return "'" + token + "' is not a valid URL.";
			}
			targets.add(new Target(Target.Type.WEBHOOK, token));
		}
		else if (EMAIL.matcher(token).matches()) {
			targets.add(new Target(Target.Type.EMAIL, token));
		}
		else {
			return "'" + token + "' is not a target: write user:NAME, team:NAME, an e-mail address, or an http(s):// URL.";
		}
		return null;
	}

	private static int integer(String text, int min, int max, String field, String message, Map<String, String> errors) {
		try {
			int value = Integer.parseInt(trim(text));
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.put(field, message);
		return 0;
	}

	private static String trim(String s) {
		return s == null ? "" : s.trim();
	}

}
