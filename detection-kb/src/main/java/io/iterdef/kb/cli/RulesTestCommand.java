package io.iterdef.kb.cli;

import io.iterdef.kb.engine.RuleInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rules test [DIR] [--fixtures DIR2]}: every fixture case in a fresh session, a pass/fail table. */
@Command(name = "test", mixinStandardHelpOptions = true,
		description = "Compile the rules (of DIR, or the built-in ones) and run every fixture case "
				+ "(<rule path>/<rule_stem>/{match,nomatch}/*.json|*.ndjson): a pass/fail table; exit 1 on any failure "
				+ "or a rule without match/ and nomatch/ fixtures.")
final class RulesTestCommand implements Callable<Integer> {

	@Parameters(arity = "0..1", paramLabel = "DIR", description = "a working copy of the rules (*.drl under DIR)")
	Path rulesDir;

	@Option(names = "--fixtures", paramLabel = "DIR2",
			description = "fixture root (default: classpath:rules/ and, from ./iterdef, sample-events/src/main/resources/rules)")
	Path fixturesDir;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		RuleLibrary library = RulesOptions.load(spec, rulesDir);
		List<Path> roots = RulesOptions.fixtureRoots(spec, fixturesDir);
		List<FixtureRunner.Case> cases = FixtureRunner.cases(roots);
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (cases.isEmpty()) {
			err.println("no fixture cases found under " + roots);
			err.flush();
			return 1;
		}
		TextTable table = new TextTable("RESULT", "CASE", "DETAIL");
		int failed = 0;
		Set<String> present = new HashSet<>();
		for (FixtureRunner.Result r : new FixtureRunner(library).runAll(cases)) {
			present.add(r.fixture().ruleStem() + "/" + r.fixture().expectation());
			table.row(r.passed() ? "pass" : "FAIL", r.fixture().name(), r.passed() ? "" : r.failure());
			failed += r.passed() ? 0 : 1;
		}
		int missing = 0;
		for (RuleInfo rule : library.ruleSet().rules()) {
			String stem = library.stem(rule);
			for (String kind : List.of("match", "nomatch")) {
				if (stem == null || !present.contains(stem + "/" + kind)) {
					table.row("MISSING", (stem == null ? rule.name() : stem) + "/" + kind + "/", "no fixture case");
					missing++;
				}
			}
		}
		table.print(out);
		out.println(cases.size() + " case(s): " + (cases.size() - failed) + " passed, " + failed + " failed"
				+ (missing > 0 ? "; " + missing + " fixture folder(s) missing" : ""));
		out.flush();
		return failed + missing == 0 ? 0 : 1;
	}
}
