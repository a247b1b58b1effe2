package io.iterdef.bench.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.bench.mix.SampleRecords;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The parse floor (B1 without Kafka) against normalize, on the same in-memory records: the raw NXLog lines of
 * sample-events, as the collector puts them on iterdef.raw. One operation = one record, round robin; the format is
 * auto-detected, as normalize does for a record without a format hint: that is production's default (the collector
 * adds the iterdef.format header only when ITERDEF_COLLECTOR_FORMAT is set, per HTTP request with X-Iterdef-Format,
 * and for syslog), so no hint is passed here. Records of one JSON format cost about the same either way: the record
 * is parsed once and the sniffs read a few top-level fields of that tree.
 */
@State(Scope.Thread)
public class ParseBenchmark {

	private final ObjectMapper mapper = new ObjectMapper();

	private final Decoders decoders = Decoders.defaults(ZoneOffset.UTC);

	private byte[][] records;

	private int next;

	@Setup(Level.Trial)
	public void load() {
		records = SampleRecords.all().toArray(new byte[0][]);
	}

	/** B1: parsed by Jackson into a tree, then discarded (returned to JMH's blackhole). */
	@Benchmark
	public Object jackson() throws IOException {
		return mapper.readTree(nextRecord());
	}

	/** normalize: decoded by detection-kb's decoders to ECS events. */
	@Benchmark
	public List<Event> normalize() throws DecodeException {
		return decoders.decode(nextRecord(), null);
	}

	private byte[] nextRecord() {
		byte[] r = records[next];
		next = next + 1 == records.length ? 0 : next + 1;
		return r;
	}
}
