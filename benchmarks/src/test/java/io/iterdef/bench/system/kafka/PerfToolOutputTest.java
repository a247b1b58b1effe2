package io.iterdef.bench.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Output captured from Kafka 4.1.2's tools against the shared broker. */
class PerfToolOutputTest {
	private static final String PRODUCER = """
			Reading payloads from: /tmp/kbtrial/payload.txt
			Number of messages read: 200
			6760 records sent, 1350.6 records/sec (2.22 MB/sec), 2033.0 ms avg latency, 3628.0 ms max latency.
			20000 records sent, 2210.9 records/sec (3.65 MB/sec), 4244.76 ms avg latency, 6695.00 ms max latency, 4640 ms 50th, 6545 ms 95th, 6633 ms 99th, 6692 ms 99.9th.
			""";

	private static final String CONSUMER = """
			start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
			2026-11-29 07:15:48:906, 2026-11-29 07:15:51:789, 32.9879, 11.4422, 20000, 6937.2182, 1190, 1693, 19.4849, 11813.3491
			""";

	private static final String CONSUMER_TIMED_OUT = """
			[main] INFO org.apache.kafka.tools.ConsumerPerformance - Starting consumer...
			start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
			WARNING: Exiting before consuming the expected number of messages: timeout (10000 ms) exceeded. You can use the --timeout option to increase the timeout.
			2026-11-29 07:15:14:878, 2026-11-29 07:15:25:187, 0.0000, 0.0000, 0, 0.0000, 1709, 8600, 0.0000, 0.0000
			""";

	@Test
	void shouldReadTheSummaryLineWhenProgressLinesPrecedeIt() {
		PerfToolOutput.Producer p = PerfToolOutput.producer(PRODUCER);

		assertThat(p.records()).isEqualTo(20000);
		assertThat(p.rate()).isEqualTo(2210.9);
		assertThat(p.mbPerSec()).isEqualTo(3.65);
		assertThat(p.avgLatencyMs()).isEqualTo(4244.76);
		assertThat(p.maxLatencyMs()).isEqualTo(6695.0);
		assertThat(p.p50Ms()).isEqualTo(4640);
		assertThat(p.p99Ms()).isEqualTo(6633);
		assertThat(p.p999Ms()).isEqualTo(6692);
	}

	@Test
	void shouldFailWithTheOutputWhenTheProducerPrintedNoSummary() {
		String progressOnly = "6760 records sent, 1350.6 records/sec (2.22 MB/sec), 2033.0 ms avg latency, 3628.0 ms max "
				+ "latency.\n";

		assertThatThrownBy(() -> PerfToolOutput.producer(progressOnly)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no summary line").hasMessageContaining("6760 records sent");
	}

	@Test
	void shouldReadTheConsumerFiguresWhenItReadAllRecords() {
		PerfToolOutput.Consumer c = PerfToolOutput.consumer(CONSUMER, 20000);

		assertThat(c.records()).isEqualTo(20000);
		assertThat(c.mb()).isEqualTo(32.9879);
		assertThat(c.rate()).isEqualTo(6937.2182);
		assertThat(c.rebalanceMs()).isEqualTo(1190);
		assertThat(c.fetchMs()).isEqualTo(1693);
		assertThat(c.fetchRate()).isEqualTo(11813.3491);
	}

	@Test
	void shouldFailWhenTheConsumerTimedOut() {
		assertThatThrownBy(() -> PerfToolOutput.consumer(CONSUMER_TIMED_OUT, 5000))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("timed out before reading 5000");
	}

	@Test
	void shouldFailWhenTheConsumerReadFewerRecordsThanExpected() {
		assertThatThrownBy(() -> PerfToolOutput.consumer(CONSUMER, 30000)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("read 20000 of 30000");
	}
}
