package io.iterdef.kb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code decode FILE...}: the engineer's tool for checking a new source, like wazuh-logtest. Every record of every
 * file is decoded and printed as its ECS event(s), one JSON line each, on stdout; refusals go to stderr as
 * {@code file:line: refused: reason}, then a summary. Exit 0 even with refusals (they are counted), 1 with
 * {@code --strict} when anything was refused, 2 on a usage error.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
		description = { "Decode shipper records offline and print the ECS events as JSON lines (stdout); refusals "
				+ "with file:line and reason, then a summary, on stderr.",
				"Files: JSON lines (NXLog, Winlogbeat, flattened, evtx_dump; pretty-printed evtx_dump output too), "
						+ "syslog lines, or Windows event XML (a whole <Events> export, streamed)." })
final class DecodeCommand implements Callable<Integer> {

	static final int MAX_REPORTED = 100;

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "files of records, or folders of them (recursive)")
	List<Path> inputs;

	@Option(names = "--format", paramLabel = "F",
			description = "format of every record instead of auto-detection: nxlog-json, flat-json, winlogbeat, "
					+ "winlogbeat6, windows-xml, evtx-dump-json, syslog")
	String format;

	@Option(names = "--zone", defaultValue = "${env:ITERDEF_COLLECTOR_ZONE:-UTC}",
			description = "zone of shipper local times without zone (default: $ITERDEF_COLLECTOR_ZONE or UTC)")
	String zone;

	@Option(names = "--pretty", description = "pretty-print each event (several lines per event)")
	boolean pretty;

	@Option(names = "--strict", description = "exit 1 when any record was refused")
	boolean strict;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		Decoders decoders = decoders();
		List<Path> files = InputFiles.expand(spec, inputs);
		long started = System.nanoTime();
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Counts counts = new Counts();
		for (Path f : files) {
			RecordReader.read(f, format, new RecordReader.Sink() {
				@Override
				public void record(byte[] bytes, int line, String formatHint) {
					counts.records++;
					try {
						for (Event e : decoders.decode(bytes, formatHint)) {
							out.println(pretty ? prettyJson(e) : e.toJsonString());
							counts.events++;
							counts.formats.merge(String.valueOf(e.fieldString("iterdef.format")), 1, Integer::sum);
						}
					}
					catch (DecodeException e) {
						refused(line, e.getMessage());
					}
				}

				@Override
				public void refused(int line, String reason) {
					counts.refused++;
					if (counts.refused <= MAX_REPORTED) {
						err.println(f + ":" + line + ": refused: " + reason);
					}
					else if (counts.refused == MAX_REPORTED + 1) {
						err.println("(further refusals not listed)");
					}
				}
			});
		}
		out.flush();
		err.printf("files: %d, records: %d, events: %d, refused: %d, elapsed: %.1fs%n", files.size(), counts.records,
				counts.events, counts.refused, (System.nanoTime() - started) / 1e9);
		counts.formats.forEach((name, n) -> err.printf("  %6d  %s%n", n, name));
		err.flush();
		return strict && counts.refused > 0 ? 1 : 0;
	}

	private Decoders decoders() {
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw new CommandLine.ParameterException(spec.commandLine(), "invalid --zone '" + zone + "': " + e.getMessage());
		}
		Decoders decoders = Decoders.defaults(zoneId);
		if (format != null && !decoders.formatNames().contains(format)) {
			throw new CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format
					+ "' (one of: " + String.join(", ", decoders.formatNames()) + ")");
		}
		return decoders;
	}

	private static String prettyJson(Event e) {
		try {
			return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(e.toTree());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Counts {

		long records;

		long events;

		long refused;

		final Map<String, Integer> formats = new TreeMap<>();

	}

}
