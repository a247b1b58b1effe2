package io.iterdef.kb.decode.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decode throughput per shipper format against plain parsing of the same records in the same run: Jackson
 * {@code readTree} for JSON, StAX reading every XML token for XML (for syslog: of the payload after the header). One operation = one record of the format's golden raw files
 * (src/test/resources/raw/FORMAT), round robin. Single-threaded: events/s per core.
 */
@State(Scope.Thread)
public class DecodeBenchmark {

	/** A folder of src/test/resources/raw: the golden records of one format. */
	@Param({ "nxlog", "flat", "winlogbeat", "winlogbeat6", "evtx-dump-json", "windows-xml", "syslog" })
	public String format;

	private final Decoders decoders = Decoders.defaults(ZoneOffset.UTC);

	private final XMLInputFactory xml = XMLInputFactory.newFactory();

	private byte[][] records;

	private byte[][] baselineInput;

	private int next;

	@Setup(Level.Trial)
	public void load() throws IOException {
		Path dir = Path.of(System.getProperty("bench.raw", "src/test/resources/raw")).resolve(format);
		List<byte[]> all = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.sorted().toList()) {
				all.add(Files.readAllBytes(f));
			}
		}
		if (all.isEmpty()) {
			throw new IllegalStateException("no records in " + dir.toAbsolutePath());
		}
		records = all.toArray(new byte[0][]);
		baselineInput = new byte[records.length][];
		for (int i = 0; i < records.length; i++) {
			baselineInput[i] = "syslog".equals(format) ? payload(records[i]) : records[i];
		}
	}

	@Benchmark
	public List<Event> decode() throws DecodeException {
		int i = next++ % records.length;
		if (next == Integer.MAX_VALUE) {
			next = 0;
		}
		return decoders.decode(records[i], null);
	}

	@Benchmark
	public void baseline(Blackhole bh) throws IOException, XMLStreamException {
		int i = next++ % records.length;
		if (next == Integer.MAX_VALUE) {
			next = 0;
		}
		byte[] input = baselineInput[i];
		if (input.length > 0 && input[0] == '<') {
			XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(input));
			while (r.hasNext()) {
				bh.consume(r.next());
				if (r.isCharacters()) {
					bh.consume(r.getText());
				}
			}
			r.close();
		}
		else {
			JsonNode node = Json.MAPPER.readTree(input);
			bh.consume(node);
		}
	}

	/** The payload of a syslog line: from the first {@code {"} (JSON) or {@code <Event} (XML) on. */
	static byte[] payload(byte[] line) {
		String text = new String(line, java.nio.charset.StandardCharsets.UTF_8);
		int json = text.indexOf("{\"");
		int xml = text.indexOf("<Event");
		int at = json < 0 ? xml : xml < 0 ? json : Math.min(json, xml);
		return at < 0 ? line : text.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
