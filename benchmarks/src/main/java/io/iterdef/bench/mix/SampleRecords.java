package io.iterdef.bench.mix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw shipper records of sample-events (NXLog {@code im_msvistalog} JSON lines, as the collector receives them):
 * the benign baseline day and the demo attack, read from the sample-events jar on the classpath.
 */
public final class SampleRecords {

	/** The files read, in this order (classpath resources of sample-events). */
	static final List<String> FILES = List.of("baseline/domain-controller-dc01.ndjson",
			"baseline/fileserver-fs01.ndjson", "baseline/workstation-fin-ws12.ndjson",
			"baseline/workstation-hr-ws03.ndjson", "scenarios/encoded-powershell-recon.ndjson");

	private SampleRecords() {
	}

	/** Every non-blank line of {@link #FILES}, as UTF-8 bytes. */
	public static List<byte[]> all() {
		List<byte[]> records = new ArrayList<>();
		for (String file : FILES) {
			for (String line : lines(file)) {
				records.add(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		return records;
	}

	static List<String> lines(String resource) {
		InputStream in = SampleRecords.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("sample-events resource not on the classpath: " + resource);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().filter(l -> !l.isBlank()).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
