package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.sigma.SigmaValues.Value;
import io.iterdef.kb.sigma.SigmaValues.Wildcard;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a Sigma detection (search identifiers + condition) into DRL functions in Java syntax: one
 * {@code boolean <prefix>_<identifier>(Event e)} per search identifier and {@code boolean <prefix>_match(Event e)} for
 * the condition. A field is read once per identifier and lower-cased once; values are lower-cased here, at conversion
 * time (Sigma matches case-insensitively), except {@code re}, {@code cased} and base64 values, which compare as
 * written.
 */
final class DetectionCompiler {

	private static final Set<String> KNOWN_MODIFIERS = Set.of("contains", "startswith", "endswith", "all", "re", "i",
			"m", "s", "base64", "base64offset", "wide", "utf16le", "windash", "cidr", "exists", "cased");

	private final String prefix;

	private final LogSource logSource;

	private final List<String> functions = new ArrayList<>();

	/** Search identifier -> its function name, in detection order. */
	private final Map<String, String> identifiers = new LinkedHashMap<>();

	private int variable;

	DetectionCompiler(String prefix, LogSource logSource) {
		this.prefix = prefix;
		this.logSource = logSource;
	}

	/** The DRL functions; the last one is {@code <prefix>_match}. */
	record Compiled(List<String> functions, String matchFunction, String conditionText) {
	}

	Compiled compile(JsonNode detection) {
		if (detection == null || !detection.isObject()) {
			throw new SigmaRefusal("invalid rule", "detection is not a mapping");
		}
		JsonNode condition = detection.get("condition");
		List<String> conditions = SigmaRule.strings(condition);
		if (conditions.isEmpty()) {
			throw new SigmaRefusal("invalid condition", "detection has no condition");
		}
		Iterator<Map.Entry<String, JsonNode>> it = detection.fields();
		while (it.hasNext()) {
			Map.Entry<String, JsonNode> e = it.next();
			String key = e.getKey();
			if (key.equals("condition") || key.equals("timeframe")) {
				continue;
			}
			identifiers.put(key, prefix + "_" + safe(key) + "_" + identifiers.size());
		}
		for (Map.Entry<String, String> e : identifiers.entrySet()) {
			searchIdentifier(e.getKey(), e.getValue(), detection.get(e.getKey()));
		}
		List<String> parts = new ArrayList<>();
		for (String c : conditions) {
			parts.add(java(ConditionParser.parse(c)));
		}
		String match = prefix + "_match";
		String body = parts.size() == 1 ? parts.get(0) : "(" + String.join(") || (", parts) + ")";
		functions.add("// condition: " + comment(String.join(" | ", conditions)) + "\n"
				+ "function boolean " + match + "(Event e) {\n    return " + body + ";\n}");
		return new Compiled(List.copyOf(functions), match, String.join(" | ", conditions));
	}

	/** The condition as a Java expression over the identifier functions. */
	private String java(Condition c) {
		if (c instanceof Condition.Ref r) {
			String f = identifiers.get(r.name());
			if (f == null) {
				throw new SigmaRefusal("invalid condition", "condition names '" + r.name() + "', which the detection does not define");
			}
			return f + "(e)";
		}
		if (c instanceof Condition.Not n) {
			return "!" + wrap(java(n.operand()));
		}
		if (c instanceof Condition.And a) {
			return String.join(" && ", a.operands().stream().map(o -> wrap(java(o))).toList());
		}
		if (c instanceof Condition.Or o) {
			return "(" + String.join(" || ", o.operands().stream().map(x -> wrap(java(x))).toList()) + ")";
		}
		Condition.Of of = (Condition.Of) c;
		List<String> calls = new ArrayList<>();
		Pattern glob = of.pattern().equals("them") ? null : globRegex(of.pattern());
		for (Map.Entry<String, String> e : identifiers.entrySet()) {
			boolean selected = glob == null ? !e.getKey().startsWith("_") : glob.matcher(e.getKey()).matches();
			if (selected) {
				calls.add(e.getValue() + "(e)");
			}
		}
		if (calls.isEmpty()) {
			throw new SigmaRefusal("invalid condition", "'" + (of.all() ? "all" : "1") + " of " + of.pattern()
					+ "' matches no search identifier");
		}
		return "(" + String.join(of.all() ? " && " : " || ", calls) + ")";
	}

	private static String wrap(String expr) {
		return expr.matches("!?[A-Za-z0-9_]+\\(e\\)") || expr.startsWith("(") && balancedOuter(expr) ? expr
				: "(" + expr + ")";
	}

	/** True when expr's first '(' closes at its last character. */
	private static boolean balancedOuter(String expr) {
		int depth = 0;
		for (int i = 0; i < expr.length(); i++) {
			char ch = expr.charAt(i);
			if (ch == '(') {
				depth++;
			}
			else if (ch == ')') {
				depth--;
				if (depth == 0 && i < expr.length() - 1) {
					return false;
				}
			}
		}
		return depth == 0;
	}

	private static Pattern globRegex(String glob) {
		StringBuilder sb = new StringBuilder();
		for (char c : glob.toCharArray()) {
			sb.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(sb.toString());
	}

	private void searchIdentifier(String name, String function, JsonNode node) {
		if (node != null && node.isObject()) {
			functions.add("// " + comment(name) + "\nfunction boolean " + function + "(Event e) {\n" + mapBody(node)
					+ "    return true;\n}");
			return;
		}
		if (node != null && node.isArray() && node.size() > 0) {
			List<String> alternatives = new ArrayList<>();
			int i = 0;
			for (JsonNode item : node) {
				if (!item.isObject()) {
					throw new SigmaRefusal("keyword search",
							"'" + name + "' is a list of keywords (values without a field): full-text search is not supported");
				}
				String alt = function + "_" + i++;
				functions.add("function boolean " + alt + "(Event e) {\n" + mapBody(item) + "    return true;\n}");
				alternatives.add(alt + "(e)");
			}
			functions.add("// " + comment(name) + ": any of " + alternatives.size() + "\nfunction boolean " + function
					+ "(Event e) {\n    return " + String.join(" || ", alternatives) + ";\n}");
			return;
		}
		throw new SigmaRefusal("keyword search",
				"'" + name + "' is not a field mapping (keywords or an empty list): full-text search is not supported");
	}

	/** Statements that return false as soon as one field condition of the map fails. */
	private String mapBody(JsonNode map) {
		if (map.isEmpty()) {
			throw new SigmaRefusal("invalid rule", "empty search identifier");
		}
		StringBuilder sb = new StringBuilder();
		Iterator<Map.Entry<String, JsonNode>> it = map.fields();
		while (it.hasNext()) {
			Map.Entry<String, JsonNode> e = it.next();
			fieldCondition(sb, e.getKey(), e.getValue());
		}
		return sb.toString();
	}

	private void fieldCondition(StringBuilder sb, String spec, JsonNode valueNode) {
		String[] pieces = spec.split("\\|", -1);
		String field = pieces[0].strip();
		if (field.isEmpty()) {
			throw new SigmaRefusal("keyword search", "'" + spec + "' has no field name: full-text search is not supported");
		}
		List<String> modifiers = new ArrayList<>();
		for (int i = 1; i < pieces.length; i++) {
			String m = pieces[i].strip().toLowerCase(Locale.ROOT);
			if (!KNOWN_MODIFIERS.contains(m)) {
				throw new SigmaRefusal("unsupported modifier", "modifier '" + pieces[i] + "' in '" + spec + "'");
			}
			modifiers.add(m);
		}
		String path = logSource.path(field);
		List<JsonNode> values = new ArrayList<>();
		if (valueNode != null && valueNode.isArray()) {
			valueNode.forEach(values::add);
			if (values.isEmpty()) {
				throw new SigmaRefusal("invalid rule", "'" + spec + "' has an empty value list");
			}
		}
		else {
			values.add(valueNode);
		}
		for (JsonNode v : values) {
			if (v != null && v.isContainerNode()) {
				throw new SigmaRefusal("invalid rule", "'" + spec + "' has a nested list or mapping as value");
			}
		}
		String raw = "v" + variable++;
		String lower = "l" + raw.substring(1);
		String test;
		boolean needsLower = false;
		boolean nullChecked = false;
		if (modifiers.contains("exists")) {
			if (modifiers.size() != 1 || values.size() != 1 || values.get(0) == null || !values.get(0).isBoolean()) {
				throw new SigmaRefusal("unsupported modifier", "'" + spec + "': exists takes true or false and no other modifier");
			}
			sb.append("    // ").append(comment(spec)).append('\n');
			sb.append("    if ((e.field(\"").append(java(path)).append("\") != null) != ")
				.append(values.get(0).booleanValue()).append(") return false;\n");
			return;
		}
		boolean all = modifiers.contains("all");
		List<String> groups = new ArrayList<>();
		if (modifiers.contains("re")) {
			groups = regexTests(spec, modifiers, values, raw);
		}
		else if (modifiers.contains("cidr")) {
			groups = cidrTests(spec, modifiers, values, raw);
		}
		else {
			List<List<Test>> perValue = new ArrayList<>();
			for (JsonNode v : values) {
				perValue.add(stringTests(spec, modifiers, v));
			}
			// a missing field fails at once unless a value is null (Sigma's "field is empty or absent")
			nullChecked = perValue.stream().flatMap(List::stream).noneMatch(t -> t.isNull);
			for (List<Test> tests : perValue) {
				List<String> alternatives = new ArrayList<>();
				for (Test t : tests) {
					alternatives.add(t.expression(raw, lower, nullChecked));
					needsLower |= t.lower;
				}
				groups.add(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" || ", alternatives) + ")");
			}
		}
		test = String.join(all ? " && " : " || ", groups);
		sb.append("    // ").append(comment(spec + ": " + values.stream().map(v -> v == null ? "null" : v.asText()).toList())).append('\n');
		sb.append("    String ").append(raw).append(" = ").append(read(path)).append(";\n");
		if (nullChecked) {
			sb.append("    if (").append(raw).append(" == null) return false;\n");
		}
		if (needsLower) {
			sb.append("    String ").append(lower).append(" = SigmaMatch.lower(").append(raw).append(");\n");
		}
		sb.append("    if (!(").append(test).append(")) return false;\n");
	}

	private List<String> regexTests(String spec, List<String> modifiers, List<JsonNode> values, String raw) {
		StringBuilder flags = new StringBuilder();
		for (String m : modifiers) {
			switch (m) {
				case "re", "all" -> {
				}
				case "i" -> flags.append('i');
				case "m" -> flags.append('m');
				case "s" -> flags.append('s');
				default -> throw new SigmaRefusal("unsupported modifier", "'" + spec + "': re combined with " + m);
			}
		}
		List<String> tests = new ArrayList<>();
		for (JsonNode v : values) {
			if (v == null || v.isNull()) {
				throw new SigmaRefusal("invalid rule", "'" + spec + "': re needs a value");
			}
			String regex = (flags.length() > 0 ? "(?" + flags + ")" : "") + v.asText();
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				throw new SigmaRefusal("invalid regex", "'" + spec + "': " + ex.getDescription() + " in '" + v.asText() + "'");
			}
			tests.add("SigmaMatch.regex(" + raw + ", \"" + java(regex) + "\")");
		}
		return tests;
	}

	private List<String> cidrTests(String spec, List<String> modifiers, List<JsonNode> values, String raw) {
		for (String m : modifiers) {
			if (!m.equals("cidr")) {
				throw new SigmaRefusal("unsupported modifier", "'" + spec + "': cidr combined with " + m);
			}
		}
		List<String> tests = new ArrayList<>();
		for (JsonNode v : values) {
			String range = v == null ? "" : v.asText().strip();
			try {
				io.iterdef.kb.sigma.runtime.SigmaMatch.cidr("0.0.0.0", range);
			}
			catch (RuntimeException ex) {
				throw new SigmaRefusal("invalid value", "'" + spec + "': '" + range + "' is not a CIDR range");
			}
			tests.add("SigmaMatch.cidr(" + raw + ", \"" + java(range) + "\")");
		}
		return tests;
	}

	/** One test of a value: the glob, and whether it compares with the lower-cased field. */
	private record Test(Value value, boolean lower, boolean isNull) {

		/** {@code nonNull}: the field was checked for null before (the tests then skip it). */
		String expression(String raw, String lowerVar, boolean nonNull) {
			if (isNull) {
				return "(" + raw + " == null || " + raw + ".isEmpty())";
			}
			String v = lower ? lowerVar : raw;
			String guard = nonNull ? "" : v + " != null && ";
			List<Object> p = value.parts();
			if (p.isEmpty()) {
				return "\"\".equals(" + v + ")";
			}
			if (p.stream().allMatch(x -> x == Wildcard.STAR)) {
				return nonNull ? "true" : raw + " != null";
			}
			if (p.size() == 1 && p.get(0) instanceof String s) {
				return "\"" + java(s) + "\".equals(" + v + ")";
			}
			if (p.size() == 3 && p.get(0) == Wildcard.STAR && p.get(1) instanceof String s && p.get(2) == Wildcard.STAR) {
				return guard + v + ".contains(\"" + java(s) + "\")";
			}
			if (p.size() == 2 && p.get(0) instanceof String s && p.get(1) == Wildcard.STAR) {
				return guard + v + ".startsWith(\"" + java(s) + "\")";
			}
			if (p.size() == 2 && p.get(0) == Wildcard.STAR && p.get(1) instanceof String s) {
				return guard + v + ".endsWith(\"" + java(s) + "\")";
			}
			return "SigmaMatch.glob(" + v + ", \"" + java(value.glob()) + "\")";
		}
	}

	/** The alternatives one Sigma value expands to, modifiers applied in the order written. */
	private static List<Test> stringTests(String spec, List<String> modifiers, JsonNode node) {
		if (node == null || node.isNull()) {
			if (modifiers.stream().anyMatch(m -> !m.equals("all"))) {
				throw new SigmaRefusal("unsupported modifier", "'" + spec + "': null value with a modifier");
			}
			return List.of(new Test(null, false, true));
		}
		boolean textual = node.isTextual();
		List<Value> values = List.of(textual ? Value.parse(node.asText()) : Value.literal(node.asText()));
		// numbers and booleans (EventID: 4688, LogonType: 9) compare as written: nothing to lower-case
		boolean cased = modifiers.contains("cased") || !textual;
		boolean wide = false;
		boolean contains = false;
		boolean startswith = false;
		boolean endswith = false;
		for (String m : modifiers) {
			switch (m) {
				case "contains" -> contains = true;
				case "startswith" -> startswith = true;
				case "endswith" -> endswith = true;
				case "all", "cased" -> {
				}
				case "wide", "utf16le" -> wide = true;
				case "base64", "base64offset" -> {
					List<Value> encoded = new ArrayList<>();
					for (Value v : values) {
						if (v.hasWildcards()) {
							throw new SigmaRefusal("unsupported modifier", "'" + spec + "': " + m + " of a value with wildcards");
						}
						byte[] bytes = wide ? SigmaValues.utf16le(v.text()) : SigmaValues.utf8(v.text());
						if (m.equals("base64")) {
							encoded.add(Value.literal(SigmaValues.base64(bytes)));
						}
						else {
							SigmaValues.base64Offsets(bytes).forEach(s -> encoded.add(Value.literal(s)));
						}
					}
					values = encoded;
					// base64 text is case-sensitive: lower-casing it would match other bytes
					cased = true;
					wide = false;
				}
				case "windash" -> {
					List<Value> expanded = new ArrayList<>();
					values.forEach(v -> expanded.addAll(SigmaValues.windash(v)));
					values = expanded;
				}
				default -> throw new SigmaRefusal("unsupported modifier", "'" + spec + "': " + m + " on a plain value");
			}
		}
		if (wide) {
			throw new SigmaRefusal("unsupported modifier", "'" + spec + "': wide/utf16le only before base64 or base64offset");
		}
		if ((contains ? 1 : 0) + (startswith ? 1 : 0) + (endswith ? 1 : 0) > 1) {
			throw new SigmaRefusal("unsupported modifier", "'" + spec + "': more than one of contains, startswith, endswith");
		}
		List<Test> tests = new ArrayList<>();
		for (Value v : values) {
			Value w = v;
			if (contains || endswith) {
				w = w.withLeadingStar();
			}
			if (contains || startswith) {
				w = w.withTrailingStar();
			}
			tests.add(new Test(cased ? w : w.lower(), !cased, false));
		}
		return tests;
	}

	/** Fields Event keeps parsed: read through their getters instead of a path lookup in the tree. */
	private static final Map<String, String> GETTERS = Map.of("event.code", "e.getCode()", "winlog.channel",
			"e.getChannel()", "host.name", "e.getHostName()", "event.provider", "e.getProvider()", "process.executable",
			"e.getProcessExecutable()", "process.command_line", "e.getCommandLine()", "user.name", "e.getUserName()",
			"process.parent.command_line", "e.getParentCommandLine()");

	private static String read(String path) {
		String getter = GETTERS.get(path);
		return getter != null ? getter : "e.fieldString(\"" + java(path) + "\")";
	}

	/** A Java string literal's content. Non-ASCII as unicode escapes, so the DRL text stays ASCII inside functions. */
	static String java(String s) {
		StringBuilder sb = new StringBuilder();
		for (char c : s.toCharArray()) {
			switch (c) {
				case '\\' -> sb.append("\\\\");
				case '"' -> sb.append("\\\"");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.toString();
	}

	/**
	 * Text safe inside a // comment (one line). Backslashes are doubled: javac reads backslash-u as a unicode escape
	 * even in a comment, so "C:\\users" would not compile.
	 */
	static String comment(String s) {
		String one = s.replace('\r', ' ').replace('\n', ' ').replace("\\", "\\\\");
		return one.length() > 160 ? one.substring(0, 157) + "..." : one;
	}

	/** An identifier part made of [A-Za-z0-9_]. */
	static String safe(String s) {
		String r = s.replaceAll("[^A-Za-z0-9_]", "_");
		return r.isEmpty() ? "x" : r;
	}
}
