package io.iterdef.kb.cli;

import io.iterdef.kb.sigma.SigmaConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code sigma convert FILE|DIR... [--out DIR]}: the DRL of every convertible Sigma rule on stdout (or one file per
 * rule under DIR/&lt;logsource folder&gt;/), refusals, warnings and the summary on stderr. Exit 0 when at least one
 * rule converted, 1 when none did, 2 on a usage error.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
		description = "Convert Sigma rules (*.yml, *.yaml; several documents per file) into DRL on Iterdef's ECS fields.")
final class SigmaConvertCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Sigma rule files, or folders of them (recursive)")
	List<Path> inputs;

	@Option(names = "--out", paramLabel = "DIR",
			description = "write one <title_snake_case>.drl per rule under DIR/<logsource folder>/ instead of printing them")
	Path out;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		for (Path in : inputs) {
			if (!Files.exists(in)) {
				throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + in);
			}
		}
		if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
			throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is not a folder");
		}
		SigmaConverter.Result result = SigmaConverter.convert(inputs);
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		for (SigmaConverter.Converted c : result.converted()) {
			if (out == null) {
				stdout.println("// ---- " + c.drlPath() + " (" + c.source().getFileName() + ")");
				stdout.println(c.drl());
			}
			else {
				Path file = out.resolve(c.folder()).resolve(c.fileName());
				Files.createDirectories(file.getParent());
				Files.writeString(file, c.drl(), StandardCharsets.UTF_8);
				err.println("wrote " + file);
			}
		}
		result.refused().forEach(r -> err.println("refused " + r.line()));
		result.warnings().forEach(w -> err.println("warning " + w));
		Map<String, Integer> reasons = SigmaConverter.byCategory(result.refused());
		err.println("converted " + result.converted().size() + ", refused " + result.refused().size()
				+ (reasons.isEmpty() ? "" : " (" + reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
					.collect(Collectors.joining(", ")) + ")"));
		stdout.flush();
		err.flush();
		return result.converted().isEmpty() ? 1 : 0;
	}
}
