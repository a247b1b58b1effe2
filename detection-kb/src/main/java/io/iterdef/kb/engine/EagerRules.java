package io.iterdef.kb.engine;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which rules are <em>eager</em>: a live stream ({@link StreamDetector}) evaluates them on an event's arrival
 * instead of after the reorder buffer. A rule is eager when it is a single-event rule ({@link RuleInfo#singleEvent()}:
 * no {@code @window}, no other {@code @kind}), its conditions are one {@code Event} pattern and nothing else (no
 * {@code from}, no other fact type such as a marker fact inserted by another rule), it has no agenda-group or
 * activation-group, and its consequence does not change working memory ({@code insert(}, {@code insertLogical(},
 * {@code modify(}, {@code update(}, {@code delete(}, {@code retract(}, nor reaching the session some other way): such a
 * rule's match depends on its event alone and its firing on nothing else in the session, so evaluating it in a side
 * session changes nothing for the other rules. A rule that inserts a marker fact other rules use stays in the main
 * session.
 */
final class EagerRules {

	private static final Pattern CHANGES_WORKING_MEMORY = Pattern.compile(
			"\\b(insert|insertLogical|modify|update|delete|retract|getKieRuntime|getKnowledgeRuntime"
					+ "|getWorkingMemory|getEntryPoint|getEntryPoints|halt|setFocus)\\s*\\(");

	private static final Set<String> GROUP_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group",
			"auto-focus", "lock-on-active");

	private EagerRules() {
	}

	/** The qualified names of the eager rules among {@code rules}, from the DRL texts they were compiled from. */
	static Set<String> of(Map<String, String> drlByPath, Map<String, RuleInfo> rules) {
		Set<String> eager = new HashSet<>();
		for (String text : drlByPath.values()) {
			PackageDescr pkg;
			DrlParser parser = new DrlParser();
			try {
				pkg = parser.parse(false, text);
			}
			catch (DroolsParserException | RuntimeException e) {
				continue; // not eager: the main session evaluates them as before
			}
			if (pkg == null || parser.hasErrors()) {
				continue;
			}
			for (RuleDescr rule : pkg.getRules()) {
				RuleInfo info = rules.get(pkg.getName() + "." + rule.getName());
				if (info != null && isEager(info, rule)) {
					eager.add(info.qualifiedName());
				}
			}
		}
		return eager;
	}

	static boolean isEager(RuleInfo info, RuleDescr rule) {
		if (rule instanceof QueryDescr || !info.singleEvent() || rule.getParentName() != null) {
			return false;
		}
		if (rule.getAttributes().keySet().stream().anyMatch(GROUP_ATTRIBUTES::contains)) {
			return false;
		}
		if (rule.getLhs() == null) {
			return false;
		}
		List<? extends BaseDescr> conditions = rule.getLhs().getDescrs();
		if (conditions.size() != 1 || !(conditions.get(0) instanceof PatternDescr pattern)
				|| pattern.getSource() != null || !isEventType(pattern.getObjectType())) {
			return false;
		}
		Object consequence = rule.getConsequence();
		if (!(consequence instanceof String rhs)) {
			return false;
		}
		return !CHANGES_WORKING_MEMORY.matcher(CollectCheck.blankCommentsAndStrings(rhs)).find();
	}

	private static boolean isEventType(String type) {
		return "Event".equals(type) || io.iterdef.kb.event.Event.class.getName().equals(type);
	}
}
