package io.iterdef.kb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The detection-kb command line: {@code KbCli detect FILE... [--format ndjson|table] [--zone Z] [--rules DIR]},
 * {@code KbCli decode FILE... [--format F] [--zone Z] [--pretty] [--strict]} and
 * {@code KbCli rules list|test|coverage ...} and {@code KbCli sigma convert FILE|DIR... [--out DIR]}.
 */
@Command(name = "iterdef", mixinStandardHelpOptions = true, version = "iterdef detection-kb 0.1.0",
		description = "Iterdef detection knowledge base: decode shipper records, run the rules offline, test the rule library, import Sigma rules.",
		subcommands = { DetectCommand.class, DecodeCommand.class, RulesCommand.class, SigmaCommand.class,
				CommandLine.HelpCommand.class })
public final class KbCli implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(execute(args));
	}

	/** Runs the command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
	public static int execute(String... args) {
		return new CommandLine(new KbCli()).execute(args);
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'detect FILE...' or 'decode FILE...'");
	}
}
