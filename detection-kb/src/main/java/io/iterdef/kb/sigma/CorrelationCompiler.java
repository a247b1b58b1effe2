package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sigma correlation rules as Drools CEP over the referenced rules' events, the way the library's own window rules
 * are written (credential_access_brute_force_failed_logons.drl, credential_access_password_spray_one_source.drl):
 * the newest event of a group triggers, a marker fact stops a group that already raised from re-running the
 * accumulate over the whole window for every further event of its burst.
 * <ul>
 * <li>event_count: at least N events of the rules within the timespan, by group;</li>
 * <li>value_count: at least N distinct values (lower-cased) of a field, by group; evaluated only when an event brings
 * a value not seen in the window;</li>
 * <li>temporal: an event of every rule within the timespan, any order, by group;</li>
 * <li>temporal_ordered: an event of every rule within the timespan, in the listed order, by group.</li>
 * </ul>
 * Every group includes host.name: Iterdef partitions its sessions by host, so a correlation never spans hosts.
 */
final class CorrelationCompiler {

	/** One referenced detection rule, compiled under its own prefix. */
	record Base(SigmaRule rule, LogSource logSource, DetectionCompiler.Compiled compiled, String prefix) {
	}

	record Compiled(List<String> functions, String declare, String when, String then, String timespan, String folder) {
	}

	private CorrelationCompiler() {
	}

	static Compiled compile(SigmaRule rule, List<Base> bases, String prefix) {
		JsonNode c = rule.correlation();
		String type = text(c, "type");
		if (type == null) {
			throw new SigmaRefusal("invalid correlation", "correlation has no type");
		}
		type = type.toLowerCase(Locale.ROOT);
		if (!List.of("event_count", "value_count", "temporal", "temporal_ordered").contains(type)) {
			throw new SigmaRefusal("unsupported correlation", "correlation type '" + type + "'");
		}
		if (c.has("aliases")) {
			throw new SigmaRefusal("unsupported correlation", "field aliases in a correlation");
		}
		String timespan = text(c, "timespan");
		if (timespan == null || !timespan.strip().matches("\\d+[smhd]")) {
			throw new SigmaRefusal("invalid correlation", "timespan '" + timespan + "' (examples: 30s, 5m, 1h, 1d)");
		}
		timespan = timespan.strip();
		List<String> groupBy = SigmaRule.strings(c.get("group-by"));
		List<String> functions = new ArrayList<>();
		Set<String> channels = new LinkedHashSet<>();
		for (int i = 0; i < bases.size(); i++) {
			Base b = bases.get(i);
			functions.add("// rule " + i + ": " + DetectionCompiler.comment(b.rule().title()) + " (" + b.logSource().name()
					+ ": " + b.logSource().events() + ")");
			functions.addAll(b.compiled().functions());
			List<String> paths = new ArrayList<>();
			for (String field : groupBy) {
				paths.add("\"" + DetectionCompiler.java(b.logSource().path(field)) + "\"");
			}
			functions.add("// the group key of an event of rule " + i + " (host" + (groupBy.isEmpty() ? "" : ", " + String.join(", ", groupBy))
					+ "), null for any other event\nfunction String " + prefix + "_key" + i + "(Event e) {\n    return "
					+ b.logSource().javaGuard() + " && " + b.compiled().matchFunction() + "(e)\n        ? SigmaMatch.key(e"
					+ (paths.isEmpty() ? "" : ", " + String.join(", ", paths)) + ") : null;\n}");
			b.logSource().sources().forEach(s -> channels.add(s.channel()));
		}
		StringBuilder any = new StringBuilder("// the group key of an event of any of the rules, null for any other event\nfunction String ")
			.append(prefix).append("_key(Event e) {\n");
		any.append("    String k = ").append(prefix).append("_key0(e);\n");
		for (int i = 1; i < bases.size(); i++) {
			any.append("    if (k == null) {\n        k = ").append(prefix).append("_key").append(i).append("(e);\n    }\n");
		}
		any.append("    return k;\n}");
		functions.add(any.toString());
		String alpha = channels.size() == 1 ? "channel == \"" + channels.iterator().next() + "\""
				: "channel in (" + String.join(", ", channels.stream().map(ch -> "\"" + ch + "\"").toList()) + ")";
		String marker = "SigmaFired_" + prefix;
		String declare = "// Marks a group that already raised, for as long as the alert is suppressed.\ndeclare " + marker
				+ "\n    @role(event)\n    @expires(10m)\n    key : String\nend";
		String within = "this before[0s, " + timespan + "]";
		StringBuilder when = new StringBuilder();
		String then;
		switch (type) {
			case "event_count" -> {
				String cmp = threshold(c.get("condition"), "event_count");
				when.append("    $last : Event( ").append(alpha).append(", $key : ").append(prefix).append("_key(this) != null )\n");
				when.append("    not ").append(marker).append("( key == $key )\n");
				when.append("    accumulate( $e : Event( ").append(alpha).append(", ").append(within).append(" $last, ")
					.append(prefix).append("_key(this) == $key );\n");
				when.append("                $count : count( $e ),\n                $events : collectList( $e );\n");
				when.append("                $count ").append(cmp).append(" )\n");
				then = raiseAll(marker);
			}
			case "value_count" -> {
				String cmp = threshold(c.get("condition"), "value_count");
				String field = text(c.get("condition"), "field");
				if (field == null) {
					throw new SigmaRefusal("invalid correlation", "value_count needs condition.field");
				}
				StringBuilder value = new StringBuilder("// the value counted (" + DetectionCompiler.comment(field)
						+ "), lower-cased; null when absent or not an event of the rules\nfunction String " + prefix
						+ "_value(Event e) {\n");
				for (int i = 0; i < bases.size(); i++) {
					value.append("    if (").append(prefix).append("_key").append(i).append("(e) != null) {\n        return SigmaMatch.value(e, \"")
						.append(DetectionCompiler.java(bases.get(i).logSource().path(field))).append("\");\n    }\n");
				}
				value.append("    return null;\n}");
				functions.add(value.toString());
				when.append("    // evaluated when a group sees a value it has not seen within the timespan (the distinct count can\n");
				when.append("    // only grow then): a burst of one value stops at the first 'not'\n");
				when.append("    $last : Event( ").append(alpha).append(", $key : ").append(prefix).append("_key(this) != null, $value : ")
					.append(prefix).append("_value(this) != null )\n");
				when.append("    not ").append(marker).append("( key == $key )\n");
				when.append("    not Event( this != $last, ").append(alpha).append(", ").append(within).append(" $last, ")
					.append(prefix).append("_key(this) == $key, ").append(prefix).append("_value(this) == $value )\n");
				when.append("    accumulate( $e : Event( ").append(alpha).append(", ").append(within).append(" $last, ")
					.append(prefix).append("_key(this) == $key, ").append(prefix).append("_value(this) != null );\n");
				when.append("                $values : collectSet( ").append(prefix).append("_value($e) ),\n");
				when.append("                $events : collectList( $e );\n");
				when.append("                $values.size() ").append(cmp).append(" )\n");
				then = raiseAll(marker);
			}
			case "temporal" -> {
				requireAll(c, bases.size());
				when.append("    $last : Event( ").append(alpha).append(", $key : ").append(prefix).append("_key(this) != null )\n");
				when.append("    not ").append(marker).append("( key == $key )\n");
				for (int i = 0; i < bases.size(); i++) {
					when.append("    exists Event( ").append(alpha).append(", ").append(within).append(" $last, ")
						.append(prefix).append("_key").append(i).append("(this) == $key )\n");
				}
				when.append("    accumulate( $e : Event( ").append(alpha).append(", ").append(within).append(" $last, ")
					.append(prefix).append("_key(this) == $key );\n                $events : collectList( $e ) )\n");
				then = raiseAll(marker);
			}
			default -> {
				requireAll(c, bases.size());
				int n = bases.size();
				when.append("    $e").append(n - 1).append(" : Event( ").append(alpha).append(", $key : ").append(prefix)
					.append("_key").append(n - 1).append("(this) != null )\n");
				when.append("    not ").append(marker).append("( key == $key )\n");
				for (int i = n - 2; i >= 0; i--) {
					when.append("    $e").append(i).append(" : Event( ").append(alpha);
					for (int k = i + 1; k < n; k++) {
						when.append(", this != $e").append(k);
					}
					when.append(", ").append(prefix).append("_key").append(i).append("(this) == $key, ").append(within)
						.append(" $e").append(i + 1);
					if (i + 1 != n - 1) {
						when.append(", ").append(within).append(" $e").append(n - 1);
					}
					when.append(" )\n");
				}
				List<String> events = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					events.add("$e" + i);
				}
				then = "    insert(new " + marker + "($key));\n    alerts.raise(drools, $key, List.of(" + String.join(", ", events)
						+ "));\n";
			}
		}
		return new Compiled(functions, declare, when.toString(), then, timespan, bases.get(0).logSource().folder());
	}

	private static String raiseAll(String marker) {
		return "    insert(new " + marker + "($key));\n    alerts.raise(drools, $key, (List<Event>) $events);\n";
	}

	/** ">= N" or "> N" from the condition; counting down (lt, lte, eq, ranges) needs the window to close: refused. */
	private static String threshold(JsonNode condition, String type) {
		if (condition == null || !condition.isObject()) {
			throw new SigmaRefusal("invalid correlation", type + " needs a condition (gte: N)");
		}
		List<String> ops = new ArrayList<>();
		condition.fieldNames().forEachRemaining(f -> {
			if (!f.equals("field")) {
				ops.add(f);
			}
		});
		if (ops.size() != 1 || !(ops.get(0).equals("gte") || ops.get(0).equals("gt"))) {
			throw new SigmaRefusal("unsupported correlation", type + " condition " + ops
					+ ": only gte or gt (a lower bound that an event can reach)");
		}
		JsonNode n = condition.get(ops.get(0));
		if (n == null || !n.canConvertToInt() || n.asInt() < 1) {
			throw new SigmaRefusal("invalid correlation", type + " condition " + ops.get(0) + " needs a positive number");
		}
		return (ops.get(0).equals("gte") ? ">= " : "> ") + n.asInt();
	}

	/** temporal conditions other than "all the rules" are refused. */
	private static void requireAll(JsonNode c, int rules) {
		JsonNode condition = c.get("condition");
		if (condition == null || condition.isNull()) {
			return;
		}
		JsonNode gte = condition.get("gte");
		if (condition.size() == 1 && gte != null && gte.canConvertToInt() && gte.asInt() == rules) {
			return;
		}
		throw new SigmaRefusal("unsupported correlation", "temporal condition " + condition + ": only every referenced rule");
	}

	private static String text(JsonNode node, String field) {
		return SigmaRule.text(node, field);
	}
}
