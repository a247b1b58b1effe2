package io.iterdef.bench.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.bench.mix.SampleRecords;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadTest {
	private static final List<byte[]> RECORDS = Payload.build(SampleRecords.all(), 3, Payload.TARGET_MEAN_BYTES);

	@Test
	void shouldReachTheTargetMeanSizeWhenTheSamplesAreSmaller() {
		assertThat(Payload.meanSize(SampleRecords.all())).isLessThan(Payload.TARGET_MEAN_BYTES - 500);

		assertThat(Payload.meanSize(RECORDS)).isBetween(Payload.TARGET_MEAN_BYTES - 2.0, Payload.TARGET_MEAN_BYTES + 2.0);
	}

	@Test
	void shouldPutEverySampleOnEveryHostWhenRehosting() throws Exception {
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
		Set<String> hosts = new HashSet<>();
		for (byte[] r : RECORDS) {
			for (Event e : decoders.decode(r, null)) {
				hosts.add(e.getHostName());
			}
		}

		assertThat(RECORDS).hasSize(3 * SampleRecords.all().size());
		assertThat(hosts).contains("fs01-h0000.corp.example.org", "fs01-h0002.corp.example.org",
				"dc01-h0001.corp.example.org");
	}

	@Test
	void shouldWriteOneRecordPerLineWhenWritingThePayloadFile(@TempDir Path dir) throws Exception {
		Path file = Payload.write(RECORDS, dir.resolve("payload.ndjson"));

		assertThat(Files.readAllLines(file)).hasSize(RECORDS.size());
	}

	@Test
	void shouldKeepTheDomainWhenRehosting() {
		assertThat(Payload.rehost("FS01.corp.example.org", 7)).isEqualTo("FS01-H0007.corp.example.org");
		assertThat(Payload.rehost("WS1", 12)).isEqualTo("WS1-H0012");
	}

	@Test
	void shouldMakeFillerOfTheExactLength() {
		assertThat(Payload.filler(0)).isEmpty();
		assertThat(Payload.filler(2000)).hasSize(2000);
	}
}
