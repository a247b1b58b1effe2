package io.iterdef.kb.cli;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Decodes NDJSON files, sorts the events by time and runs the rules over them offline. */
@Command(name = "detect", mixinStandardHelpOptions = true,
		description = "Run the rules over NDJSON files of shipper records (NXLog im_msvistalog JSON, one per line); "
				+ "alerts go to stdout, a summary to stderr.")
final class DetectCommand implements Callable<Integer> {

	enum Format {
		ndjson, table
	}

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "NDJSON files, one record per line")
	List<Path> files;

	@Option(names = "--format", defaultValue = "ndjson", description = "ndjson (default) or table")
	Format format;

	@Option(names = "--zone", defaultValue = "${env:ITERDEF_COLLECTOR_ZONE:-UTC}",
			description = "zone of shipper local times without zone (default: $ITERDEF_COLLECTOR_ZONE or UTC)")
	String zone;

	@Option(names = "--rules", paramLabel = "DIR", description = "run a working copy of the rules (*.drl under DIR) instead of the built-in ones")
	Path rulesDir;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw new CommandLine.ParameterException(spec.commandLine(), "invalid --zone '" + zone + "': " + e.getMessage());
		}
		for (Path f : files) {
			if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
				throw new CommandLine.ParameterException(spec.commandLine(), "cannot read file: " + f);
			}
		}
		long started = System.nanoTime();
		PrintWriter err = spec.commandLine().getErr();
		PrintWriter out = spec.commandLine().getOut();
		FileReader reader = new FileReader(Decoders.defaults(zoneId), err);
		List<Event> events = new ArrayList<>();
		for (Path f : files) {
			events.addAll(reader.read(f));
		}
		RuleSet rules = RulesOptions.load(spec, rulesDir).ruleSet();
		List<Alert> alerts = rules.detect(events);
		AlertPrinter printer = new AlertPrinter(out);
		if (format == Format.table) {
			printer.table(alerts);
		}
		else {
			alerts.forEach(printer::ndjson);
		}
		out.flush();
		Summary.print(err, files.size(), reader, alerts, rules,
				Duration.ofNanos(System.nanoTime() - started));
		return 0;
	}
}
