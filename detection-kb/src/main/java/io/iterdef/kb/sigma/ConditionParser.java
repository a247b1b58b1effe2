package io.iterdef.kb.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over Sigma's condition grammar, precedence not > and > or:
 * <pre>
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | primary
 *   primary := "(" or ")" | ("1" | "any" | "all") "of" (IDENTIFIER-PATTERN | "them") | IDENTIFIER
 * </pre>
 * Keywords are case-insensitive. The aggregation pipe ({@code | count() by x > 5}, Sigma 1) and {@code near} are
 * refused: correlation rules replace them.
 */
public final class ConditionParser {

	private final List<String> tokens;

	private final String text;

	private int pos;

	private ConditionParser(String text) {
		this.text = text;
		this.tokens = tokenize(text);
	}

	/** @throws SigmaRefusal on a syntax error or an unsupported construct */
	public static Condition parse(String condition) {
		if (condition == null || condition.isBlank()) {
			throw new SigmaRefusal("invalid condition", "empty condition");
		}
		ConditionParser p = new ConditionParser(condition);
		Condition c = p.or();
		if (p.pos < p.tokens.size()) {
			throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
		}
		return c;
	}

	private Condition or() {
		List<Condition> operands = new ArrayList<>(List.of(and()));
		while (accept("or")) {
			operands.add(and());
		}
		return operands.size() == 1 ? operands.get(0) : new Condition.Or(List.copyOf(operands));
	}

	private Condition and() {
		List<Condition> operands = new ArrayList<>(List.of(not()));
		while (accept("and")) {
			operands.add(not());
		}
		return operands.size() == 1 ? operands.get(0) : new Condition.And(List.copyOf(operands));
	}

	private Condition not() {
		if (accept("not")) {
			return new Condition.Not(not());
		}
		return primary();
	}

	private Condition primary() {
		String t = next("an identifier, '(', 'not', '1 of' or 'all of'");
		String k = t.toLowerCase(Locale.ROOT);
		if (t.equals("(")) {
			Condition inner = or();
			if (!accept(")")) {
				throw error("missing ')'");
			}
			return inner;
		}
		if ((k.equals("1") || k.equals("any") || k.equals("all")) && peekIs("of")) {
			pos++;
			String pattern = next("an identifier pattern or 'them' after 'of'");
			if (isKeyword(pattern) || pattern.equals("(") || pattern.equals(")")) {
				throw error("'of' needs an identifier pattern or 'them', got '" + pattern + "'");
			}
			return new Condition.Of(k.equals("all"), pattern.equalsIgnoreCase("them") ? "them" : pattern);
		}
		if (k.equals("|")) {
			throw new SigmaRefusal("unsupported condition",
					"aggregation '| ...' in condition '" + text + "' (write a Sigma correlation rule instead)");
		}
		if (k.equals("near")) {
			throw new SigmaRefusal("unsupported condition", "'near' in condition '" + text + "'");
		}
		if (isKeyword(t) || t.equals(")")) {
			throw error("unexpected '" + t + "'");
		}
		if (!t.matches("[A-Za-z0-9_.\\-]+")) {
			throw error("'" + t + "' is not a search identifier");
		}
		return new Condition.Ref(t);
	}

	private boolean accept(String keyword) {
		if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword)) {
			pos++;
			return true;
		}
		if (pos < tokens.size() && tokens.get(pos).equals("|")) {
			boolean near = pos + 1 < tokens.size() && tokens.get(pos + 1).equalsIgnoreCase("near");
			throw new SigmaRefusal("unsupported condition", near ? "'near' in condition '" + text + "'"
					: "aggregation '| ...' in condition '" + text + "' (write a Sigma correlation rule instead)");
		}
		return false;
	}

	private boolean peekIs(String keyword) {
		return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword);
	}

	private String next(String expected) {
		if (pos >= tokens.size()) {
			throw error("expected " + expected + " at the end");
		}
		return tokens.get(pos++);
	}

	private static boolean isKeyword(String t) {
		String k = t.toLowerCase(Locale.ROOT);
		return k.equals("and") || k.equals("or") || k.equals("not") || k.equals("of");
	}

	private SigmaRefusal error(String what) {
		return new SigmaRefusal("invalid condition", what + " in condition '" + text + "'");
	}

	private static List<String> tokenize(String s) {
		List<String> out = new ArrayList<>();
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')' || c == '|') {
				out.add(String.valueOf(c));
				i++;
			}
			else {
				int start = i;
				while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()|".indexOf(s.charAt(i)) < 0) {
					i++;
				}
				out.add(s.substring(start, i));
			}
		}
		return out;
	}
}
