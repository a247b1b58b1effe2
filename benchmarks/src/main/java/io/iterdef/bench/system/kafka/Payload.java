package io.iterdef.bench.system.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The records the Kafka benchmarks send: the raw NXLog lines of sample-events, re-hosted onto a number of hosts
 * ({@code FS01.corp.example.org} becomes {@code FS01-H0003.corp.example.org}) and padded to a mean size. The padding
 * is the explanatory text real Windows Security messages carry (a 4624's Message is about 2 KB; the samples keep only
 * the field list), appended to each record's {@code Message}, so the records stay valid shipper records that decode.
 */
public final class Payload {
	/** Our record size: the "about 2.7 KB" of a real NXLog line. */
	public static final int TARGET_MEAN_BYTES = 2700;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String FILLER = " This event is generated when a logon session is created. It is generated on"
			+ " the computer that was accessed. The subject fields indicate the account on the local system which"
			+ " requested the logon. This is most commonly a service such as the Server service, or a local process"
			+ " such as Winlogon.exe or Services.exe. The logon type field indicates the kind of logon that occurred."
			+ " The New Logon fields indicate the account for whom the new logon was created, i.e. the account that"
			+ " was logged on. The network fields indicate where a remote logon request originated.";

	private Payload() {
	}

	/**
	 * Each sample on each of {@code hosts} hosts, every Message padded by the same number of characters so that the
	 * mean size is {@code targetMean} bytes (records already larger on average are left as they are).
	 */
	public static List<byte[]> build(List<byte[]> samples, int hosts, int targetMean) {
		List<ObjectNode> trees = new ArrayList<>();
		long total = 0;
		for (int h = 0; h < hosts; h++) {
			for (byte[] sample : samples) {
				ObjectNode tree = parse(sample);
				tree.put("Hostname", rehost(tree.path("Hostname").asText("HOST"), h));
				trees.add(tree);
				total += write(tree).length;
			}
		}
		long pad = trees.isEmpty() ? 0 : Math.max(0, Math.round(targetMean - (double) total / trees.size()));
		String padding = filler((int) pad);
		List<byte[]> records = new ArrayList<>(trees.size());
		for (ObjectNode tree : trees) {
			tree.put("Message", tree.path("Message").asText("") + padding);
			records.add(write(tree));
		}
		return records;
	}

	/** The mean size in bytes. */
	public static double meanSize(List<byte[]> records) {
		return records.stream().mapToInt(r -> r.length).average().orElse(Double.NaN);
	}

	/** One record per line, as Kafka's ProducerPerformance reads a {@code --payload-file}. */
	public static Path write(List<byte[]> records, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			for (byte[] r : records) {
				for (byte b : r) {
					if (b == '\n') {
						throw new IllegalArgumentException("a record holds a line feed: it would be two payloads");
					}
				}
				out.write(r);
				out.write('\n');
			}
		}
		return file;
	}

	static String rehost(String hostname, int host) {
		int dot = hostname.indexOf('.');
		String first = dot < 0 ? hostname : hostname.substring(0, dot);
		String rest = dot < 0 ? "" : hostname.substring(dot);
		return first + String.format(Locale.ROOT, "-H%04d", host) + rest;
	}

	static String filler(int length) {
		StringBuilder b = new StringBuilder(length);
		while (b.length() < length) {
			b.append(FILLER, 0, Math.min(FILLER.length(), length - b.length()));
		}
		return b.toString();
	}

	private static ObjectNode parse(byte[] record) {
		try {
			if (JSON.readTree(record) instanceof ObjectNode tree) {
				return tree;
			}
			throw new IllegalArgumentException("a sample record is not a JSON object");
		}
		catch (IOException e) {
			throw new UncheckedIOException("a sample record is not JSON: " + e.getMessage(), e);
		}
	}

	private static byte[] write(ObjectNode tree) {
		try {
			return JSON.writeValueAsBytes(tree);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
