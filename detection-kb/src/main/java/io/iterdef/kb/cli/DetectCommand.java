package io.iterdef.kb.cli;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.TaskRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Decodes files (or every file under folders) of any supported format, sorts the events by time and runs the rules
 * over them offline.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
		description = { "Run the rules over files of shipper records, offline; alerts go to stdout, progress, the task "
				+ "requests of rules (not sent) and a per-rule summary to stderr.",
				"Files: JSON lines (NXLog, Winlogbeat, flattened, evtx_dump; pretty-printed evtx_dump output too), "
						+ "syslog lines, or Windows event XML exports; a folder means every file under it." })
final class DetectCommand implements Callable<Integer> {

	enum Format {
		ndjson, table
	}

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "event files, or folders of them (recursive)")
	List<Path> inputs;

	@Option(names = "--progress", defaultValue = "auto",
			description = "progress lines on stderr: auto (default: every 2 s once a run takes that long), always, never")
	Progress.Mode progressMode;

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
		List<Path> files = InputFiles.expand(spec, inputs);
		long started = System.nanoTime();
		PrintWriter err = spec.commandLine().getErr();
		PrintWriter out = spec.commandLine().getOut();
		Progress progress = Progress.of(err, progressMode);
		progress.start("reading", "bytes", InputFiles.totalBytes(files));
		FileReader reader = new FileReader(Decoders.defaults(zoneId), err, progress);
		List<Event> events = new ArrayList<>();
		for (Path f : files) {
			events.addAll(reader.read(f));
		}
		RuleSet rules = RulesOptions.load(spec, rulesDir).ruleSet();
		progress.start("rules", "events", events.size());
		List<TaskRequest> requests = new ArrayList<>();
		List<Alert> alerts = rules.detect(events, done -> progress.update(done, null), requests::add);
		AlertPrinter printer = new AlertPrinter(out);
		if (format == Format.table) {
			printer.table(alerts);
		}
		else {
			alerts.forEach(printer::ndjson);
		}
		out.flush();
		// what the rules' response.collect would ask agents for; offline nothing is sent
		for (TaskRequest r : requests) {
			err.println("task request (not sent): " + r.toJsonString());
		}
		Summary.print(err, files.size(), reader, alerts, rules,
				Duration.ofNanos(System.nanoTime() - started));
		return 0;
	}
}
