package io.iterdef.bench.system.kafka;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of the output of Kafka's ProducerPerformance and ConsumerPerformance (Kafka 4.1). */
final class PerfToolOutput {
	/** The final summary line; the periodic lines lack the percentiles. */
	private static final Pattern PRODUCER = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) "
			+ "MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms "
			+ "99th, (\\d+) ms 99.9th\\.$");

	private static final String CONSUMER_HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, "
			+ "data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

	private PerfToolOutput() {
	}

	/**
	 * ProducerPerformance's summary.
	 * @param records  records sent
	 * @param rate     records/s
	 * @param mbPerSec MB/s (the tool's MB: 1024 * 1024 bytes)
	 */
	record Producer(long records, double rate, double mbPerSec, double avgLatencyMs, double maxLatencyMs, double p50Ms,
			double p95Ms, double p99Ms, double p999Ms) {
	}

	/**
	 * ConsumerPerformance's line.
	 * @param rate       records/s over the whole run, the group join included
	 * @param fetchRate  records/s while fetching (the group join excluded)
	 */
	record Consumer(long records, double mb, double mbPerSec, double rate, long rebalanceMs, long fetchMs,
			double fetchMbPerSec, double fetchRate) {
	}

	static Producer producer(String output) {
		List<String> lines = output.lines().map(String::strip).toList();
		for (int i = lines.size() - 1; i >= 0; i--) {
			Matcher m = PRODUCER.matcher(lines.get(i));
			if (m.matches()) {
				return new Producer(Long.parseLong(m.group(1)), d(m.group(2)), d(m.group(3)), d(m.group(4)),
						d(m.group(5)), d(m.group(6)), d(m.group(7)), d(m.group(8)), d(m.group(9)));
			}
		}
		throw new IllegalStateException("ProducerPerformance printed no summary line (\"N records sent, ... 99.9th.\"); "
				+ "its output ends:\n" + tail(lines));
	}

	static Consumer consumer(String output, long expected) {
		List<String> lines = output.lines().map(String::strip).toList();
		if (output.contains("Exiting before consuming the expected number of messages")) {
			throw new IllegalStateException("ConsumerPerformance timed out before reading " + expected
					+ " records; its output ends:\n" + tail(lines));
		}
		int header = lines.indexOf(CONSUMER_HEADER);
		for (int i = header + 1; header >= 0 && i < lines.size(); i++) {
			String[] f = lines.get(i).split(",\\s*");
			if (f.length == 10 && f[0].matches("\\d{4}-\\d\\d-\\d\\d .*")) {
				Consumer c = new Consumer(Long.parseLong(f[4]), d(f[2]), d(f[3]), d(f[5]), Long.parseLong(f[6]),
						Long.parseLong(f[7]), d(f[8]), d(f[9]));
				if (c.records() < expected) {
					throw new IllegalStateException("ConsumerPerformance read " + c.records() + " of " + expected
							+ " records");
				}
				return c;
			}
		}
		throw new IllegalStateException("ConsumerPerformance printed no figures (a line after \"" + CONSUMER_HEADER
				+ "\"); its output ends:\n" + tail(lines));
	}

	private static double d(String s) {
		return Double.parseDouble(s);
	}

	private static String tail(List<String> lines) {
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}
}
