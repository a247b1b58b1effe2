package io.iterdef.kb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sigma convert}: Sigma rules into DRL. */
@Command(name = "sigma", mixinStandardHelpOptions = true, description = "Sigma import: convert Sigma rules into DRL.",
		subcommands = { SigmaConvertCommand.class })
final class SigmaCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'sigma convert FILE|DIR'");
	}
}
