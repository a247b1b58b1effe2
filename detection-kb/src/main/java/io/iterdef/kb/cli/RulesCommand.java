package io.iterdef.kb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rules list|test|coverage}: the rule library's tooling. */
@Command(name = "rules", mixinStandardHelpOptions = true,
		description = "Rule library tooling: list the rules, run their fixtures, show ATT&CK coverage.",
		subcommands = { RulesListCommand.class, RulesTestCommand.class, RulesCoverageCommand.class })
final class RulesCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(),
				"missing subcommand: try 'rules list', 'rules test' or 'rules coverage'");
	}
}
