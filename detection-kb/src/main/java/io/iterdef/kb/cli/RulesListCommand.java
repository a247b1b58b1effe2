package io.iterdef.kb.cli;

import io.iterdef.kb.engine.RuleInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rules list [--rules DIR]}: one line a rule. */
@Command(name = "list", mixinStandardHelpOptions = true,
		description = "List the rules (id, name, severity, tactic, ATT&CK ids, file) of the built-in set or of DIR.")
final class RulesListCommand implements Callable<Integer> {

	@Option(names = "--rules", paramLabel = "DIR", description = "a working copy of the rules (*.drl under DIR) instead of the built-in ones")
	Path rulesDir;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		RuleLibrary library = RulesOptions.load(spec, rulesDir);
		PrintWriter out = spec.commandLine().getOut();
		TextTable table = new TextTable("ID", "NAME", "SEVERITY", "TACTIC", "ATTACK", "FILE");
		for (RuleInfo r : library.ruleSet().rules()) {
			table.row(r.id(), r.name(), r.severity(), r.tactic(), String.join(",", r.attack()), library.file(r));
		}
		table.print(out);
		out.println(library.ruleSet().rules().size() + " rule(s)");
		out.flush();
		return 0;
	}
}
