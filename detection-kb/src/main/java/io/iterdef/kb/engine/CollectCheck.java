package io.iterdef.kb.engine;

import io.iterdef.agent.protocol.TaskType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compile-time guardrail of {@code response.collect}: every call whose task type is a string literal must name a
 * type a rule may request ({@link TaskType#ruleMayRequest()}); a rule set with one that may not is refused like a
 * compile error (so {@code rules publish} and hot reload refuse it too). A type computed at run time is checked by
 * {@link Response} then. Comments and string contents are skipped when looking for calls.
 */
final class CollectCheck {

	private static final Pattern CALL = Pattern.compile("\\bresponse\\s*\\.\\s*collect\\s*\\(");

	private CollectCheck() {
	}

	/** The types a rule may request, for messages. */
	static String ruleTypes() {
		return String.join(", ", Arrays.stream(TaskType.values()).filter(TaskType::ruleMayRequest)
			.map(TaskType::wireName).toList());
	}

	/** Errors of every DRL text (path -> text), in the compiler's message style; empty when all are fine. */
	static List<String> errors(Map<String, String> drlByPath) {
		List<String> errors = new ArrayList<>();
		drlByPath.forEach((path, text) -> errors.addAll(errors(path, text)));
		return errors;
	}

	static List<String> errors(String path, String text) {
		List<String> errors = new ArrayList<>();
		String code = blankCommentsAndStrings(text);
		Matcher m = CALL.matcher(code);
		while (m.find()) {
			List<String> args = arguments(text, code, m.end());
			int line = lineOf(text, m.start());
			if (args.size() != 4) {
				errors.add("ERROR " + path + ":" + line + ": response.collect takes (drools, host, type, params), got "
						+ args.size() + " argument(s)");
				continue;
			}
			String type = args.get(2).trim();
			if (type.length() >= 2 && type.startsWith("\"") && type.endsWith("\"")) {
				String name = type.substring(1, type.length() - 1);
				Optional<TaskType> t = TaskType.parse(name);
				if (t.isEmpty() || !t.get().ruleMayRequest()) {
					errors.add("ERROR " + path + ":" + line + ": response.collect asks for '" + name + "', which "
							+ (t.isEmpty() ? "is not a task type" : "a rule may not request (it needs an analyst)")
							+ "; a rule may request: " + ruleTypes());
				}
			}
		}
		return errors;
	}

	/** The top-level arguments of the call whose '(' ends at {@code from} (texts from the original). */
	private static List<String> arguments(String text, String code, int from) {
		List<String> args = new ArrayList<>();
		int depth = 0;
		int start = from;
		for (int i = from; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
				depth--;
			}
			else if (c == ')') {
				String last = text.substring(start, i);
				if (!last.isBlank() || !args.isEmpty()) {
					args.add(last);
				}
				return args;
			}
			else if (c == ',' && depth == 0) {
				args.add(text.substring(start, i));
				start = i + 1;
			}
		}
		return args;
	}

	/**
	 * The text with comments and the contents of string and character literals replaced by spaces (quotes kept), so
	 * offsets stay those of the original.
	 */
	static String blankCommentsAndStrings(String text) {
		StringBuilder sb = new StringBuilder(text);
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				while (i < text.length() && text.charAt(i) != '\n') {
					sb.setCharAt(i++, ' ');
				}
			}
			else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				end = end < 0 ? text.length() : end + 2;
				for (; i < end; i++) {
					sb.setCharAt(i, text.charAt(i) == '\n' ? '\n' : ' ');
				}
			}
			else if (c == '"' || c == '\'') {
				i++;
				while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
					if (text.charAt(i) == '\\' && i + 1 < text.length()) {
						sb.setCharAt(i++, ' ');
					}
					sb.setCharAt(i++, ' ');
				}
				i++;
			}
			else {
				i++;
			}
		}
		return sb.toString();
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
