package io.iterdef.bench.system.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.bench.mix.SampleRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The records the pipeline benchmark sends: the benign baseline of sample-events (every record in turn) on a pool of
 * hosts, and every {@value #MARK_EVERY}th record the demo attack's Sysmon process start of {@code powershell -nop -w
 * hidden -enc ...}, which fires "Encoded PowerShell command line" on its own. Each marked record is on a host of its
 * own, {@code m<seq>.<tag>.bench.example.org} (lower case, as host.name is), so its alert is told apart from every
 * other and the rule's per-host suppression never swallows it. Thread-safe: each call writes one whole line.
 */
final class LoadMix {
	static final int MARK_EVERY = 100;

	static final String RULE = "Encoded PowerShell command line";

	private static final String SCENARIO = "scenarios/encoded-powershell-recon.ndjson";

	private final List<RecordTemplate> benign;

	private final RecordTemplate marked;

	private final byte[][] hosts;

	private final String markerSuffix;

	LoadMix(String tag, int hostCount) {
		if (!tag.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("tag must be lower-case letters, digits and dashes: " + tag);
		}
		this.markerSuffix = "." + tag + ".bench.example.org";
		List<RecordTemplate> templates = new ArrayList<>();
		byte[] attack = null;
		for (byte[] line : SampleRecords.all()) {
			String text = new String(line, StandardCharsets.UTF_8);
			if (text.contains("\"EventTime\"") && !isScenario(text)) {
				templates.add(RecordTemplate.of(text));
			}
			else if (attack == null && isEncodedPowerShellStart(text)) {
				attack = line;
			}
		}
		if (templates.isEmpty() || attack == null) {
			throw new IllegalStateException("sample-events has no baseline records or no encoded PowerShell start in "
					+ SCENARIO + ": is io.iterdef:sample-events on the classpath?");
		}
		this.benign = List.copyOf(templates);
		this.marked = RecordTemplate.of(new String(attack, StandardCharsets.UTF_8));
		this.hosts = new byte[hostCount][];
		for (int i = 0; i < hostCount; i++) {
			hosts[i] = String.format(Locale.ROOT, "ws%04d.%s.bench.example.org", i, tag)
					.getBytes(StandardCharsets.US_ASCII);
		}
	}

	/** Whether record {@code seq} is a marked one. */
	static boolean marked(long seq) {
		return seq % MARK_EVERY == 0;
	}

	/** Writes record {@code seq} at {@code time}: a marked one on its own host, else a baseline record. */
	void write(OutputStream out, long seq, TimeText time) throws IOException {
		if (marked(seq)) {
			marked.write(out, markerHost(seq).getBytes(StandardCharsets.US_ASCII), time, seq);
		}
		else {
			benign.get((int) (seq % benign.size())).write(out, hosts[(int) ((seq / 7) % hosts.length)], time, seq);
		}
	}

	/** The host of marked record {@code seq}. */
	String markerHost(long seq) {
		return "m" + seq + markerSuffix;
	}

	/** The marked record's sequence number of an alert's host name, or -1 when it is no marker host of this mix. */
	long markerOf(String hostName) {
		if (hostName == null || !hostName.startsWith("m") || !hostName.endsWith(markerSuffix)) {
			return -1;
		}
		try {
			return Long.parseLong(hostName.substring(1, hostName.length() - markerSuffix.length()));
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static boolean isScenario(String line) {
		return line.contains("FIN-WS07.corp.example.org");
	}

	private static boolean isEncodedPowerShellStart(String line) {
		try {
			JsonNode r = new ObjectMapper().readTree(line);
			return r.path("EventID").asInt() == 1 && r.path("Channel").asText().endsWith("Sysmon/Operational")
					&& r.path("CommandLine").asText().contains(" -enc ");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
