package io.iterdef.kb.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule without {@code @window} is a single-event rule: the engine evaluates late events (older than the session
 * clock) with those rules only. So every rule whose conditions look at more than one event must declare
 * {@code @window}: temporal operators ({@code before[}, {@code after[}, ...), {@code over window:}, {@code accumulate},
 * {@code collect}, {@code not}/{@code exists}/{@code forall}, or a second {@code Event(} pattern. Read from the DRL
 * text (strings and comments removed), one rule block at a time.
 */
class RuleWindowConventionTest {

	private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+(\"[^\"]*\"|\\S+)(.*?)^\\s*end\\b");

	private static final Pattern TEMPORAL = Pattern.compile("\\b(before|after|meets|metby|overlaps|overlappedby|during"
			+ "|includes|starts|startedby|finishes|finishedby|coincides)\\s*\\[|\\bover\\s+window\\s*:|\\bwindow\\s*:"
			+ "|\\baccumulate\\b|\\bcollect\\b"
			// the conditional elements not/exists/forall over a pattern, but not the operators "not in", "not matches"
			+ "|\\b(not|exists|forall)\\s*(\\(|[A-Z]\\w*\\s*\\()");

	private static final Pattern EVENT_PATTERN = Pattern.compile("\\bEvent\\s*\\(");

	/** Kinds whose history lives in facts of their own, so they need no @window (and must not be single-event). */
	private static final List<String> STATEFUL_KINDS = List.of("new_term", "spike");

	@Test
	void shouldDeclareWindowWhenARuleLooksAtMoreThanOneEvent() {
		Map<String, String> kindByName = new java.util.HashMap<>();
		RuleConventions.library().ruleSet().rules().forEach(r -> kindByName.put("\"" + r.name() + "\"", r.kind()));
		List<String> violations = new ArrayList<>();
		for (Map.Entry<String, String> e : RuleConventions.library().sources().entrySet()) {
			for (String rule : multiEventRulesWithoutWindow(e.getValue())) {
				if (STATEFUL_KINDS.contains(kindByName.get(rule))) {
					continue;
				}
				violations.add(e.getKey() + ": rule " + rule + " looks at more than one event (temporal operator, "
						+ "accumulate/collect, not/exists or a second Event pattern) but has no @window");
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void shouldUseAKnownKindWhenARuleDeclaresOne() {
		assertThat(RuleConventions.library().ruleSet().rules()).filteredOn(r -> r.kind() != null)
			.allSatisfy(r -> assertThat(RuleInfo.KINDS).as(r.name()).contains(r.kind()))
			.extracting(RuleInfo::kind)
			.contains("new_term", "spike");
	}

	@Test
	void shouldFlagTemporalRulesWithoutWindowWhenCheckingDrlText() {
		String drl = """
				rule "sequence" @id("1")
				when
				    $a : Event( code == "1" )
				    $b : Event( code == "2", this after[0s, 1m] $a )
				then
				end
				rule "threshold" @id("2") // accumulate( in a comment does not count
				when
				    $last : Event( code == "4625" )
				    accumulate( $e : Event( code == "4625" ); $n : count( $e ); $n >= 10 )
				then
				end
				rule "absence" @id("3")
				when
				    $e : Event( code == "1" )
				    not Marker( host == $e.hostName )
				then
				end
				rule "single" @id("4")
				when
				    $e : Event( code == "1", commandLine matches ".*not Event( after[ accumulate.*" ) // not ( here
				    eval( $e.fieldString("destination.port") not in ( "80", "443" ) || $e.processName not matches "x" )
				then
				    /* Event( Event( */
				end
				rule "windowed"
				    @window("2m")
				when
				    $a : Event( code == "1" )
				    $b : Event( code == "2", this after[0s, 1m] $a )
				then
				end
				""";
		assertThat(multiEventRulesWithoutWindow(drl)).containsExactly("\"sequence\"", "\"threshold\"", "\"absence\"");
	}

	/** Names (as written) of the rules in {@code drl} that look at more than one event and have no @window. */
	static List<String> multiEventRulesWithoutWindow(String drl) {
		List<String> found = new ArrayList<>();
		String code = stripCommentsAndStrings(drl);
		Matcher m = RULE.matcher(code);
		while (m.find()) {
			String body = m.group(2);
			int when = indexOfWord(body, "when");
			int then = indexOfWord(body, "then");
			String head = when < 0 ? body : body.substring(0, when);
			String lhs = when < 0 ? "" : body.substring(when + 4, then < 0 ? body.length() : then);
			boolean hasWindow = head.contains("@window");
			if (hasWindow) {
				continue;
			}
			Matcher events = EVENT_PATTERN.matcher(lhs);
			int eventPatterns = 0;
			while (events.find()) {
				eventPatterns++;
			}
			if (eventPatterns > 1 || TEMPORAL.matcher(lhs).find()) {
				found.add(m.group(1));
			}
		}
		return found;
	}

	private static int indexOfWord(String text, String word) {
		Matcher m = Pattern.compile("\\b" + word + "\\b").matcher(text);
		return m.find() ? m.start() : -1;
	}

	/**
	 * Blanks out string literals (their content becomes empty; annotation values such as @window("2m") keep their
	 * name) and removes // and /* *&#47; comments.
	 */
	static String stripCommentsAndStrings(String drl) {
		StringBuilder out = new StringBuilder(drl.length());
		int i = 0;
		int n = drl.length();
		while (i < n) {
			char c = drl.charAt(i);
			if (c == '"') {
				// keep the rule name: the next line's "rule" regex needs it; other strings lose their content
				int end = i + 1;
				while (end < n && drl.charAt(end) != '"') {
					end += drl.charAt(end) == '\\' ? 2 : 1;
				}
				String literal = drl.substring(i, Math.min(end + 1, n));
				boolean ruleName = out.toString().stripTrailing().endsWith("rule");
				out.append(ruleName ? literal : "\"\"");
				i = end + 1;
			}
			else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
				while (i < n && drl.charAt(i) != '\n') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
				int end = drl.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}
}
