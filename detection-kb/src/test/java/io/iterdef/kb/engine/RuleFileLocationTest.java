package io.iterdef.kb.engine;

import io.iterdef.kb.attack.AttackCatalog;
import io.iterdef.kb.cli.RuleLibrary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rules/<platform>/<logsource>/<tactic>_<what>.drl, declaring package rules.<platform>.<logsource>. A rule whose
 * @tactic is not an Enterprise tactic is left to RuleAttackIdsTest.
 */
class RuleFileLocationTest {

	@Test
	void shouldStartFileNameWithTacticWhenRuleIsDeclared() {
		RuleLibrary library = RuleConventions.library();
		List<String> violations = new ArrayList<>();
		for (RuleInfo r : library.ruleSet().rules()) {
			String stem = library.stem(r);
			if (AttackCatalog.tacticOrder(r.tactic()) < 0) {
				continue; // RuleAttackIdsTest reports the tactic itself
			}
			if (stem == null) {
				violations.add(r.name() + ": no DRL file declares @id " + r.id());
			}
			else if (!stem.startsWith(r.tactic() + "_")) {
				violations.add(library.file(r) + ": rule '" + r.name() + "' has @tactic '" + r.tactic()
						+ "', the file name must start with '" + r.tactic() + "_'");
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void shouldDeclareThePackageOfItsFolderWhenDrlIsUnderRules() {
		List<String> violations = new ArrayList<>();
		for (Map.Entry<String, String> e : RuleConventions.library().sources().entrySet()) {
			String path = e.getKey();
			String[] parts = path.split("/");
			if (parts.length != 4 || !parts[0].equals("rules") || !parts[3].matches("[a-z0-9]+(_[a-z0-9]+)+\\.drl")) {
				violations.add(path + ": not at rules/<platform>/<logsource>/<tactic>_<what>.drl (snake_case)");
				continue;
			}
			String expected = "rules." + parts[1] + "." + parts[2];
			String declared = RuleLibrary.declaredPackage(e.getValue());
			if (!expected.equals(declared)) {
				violations.add(path + ": package " + declared + ", expected " + expected);
			}
		}
		assertThat(violations).isEmpty();
	}
}
