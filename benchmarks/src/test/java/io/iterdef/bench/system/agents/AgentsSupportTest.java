package io.iterdef.bench.system.agents;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parsers and helpers of the agents benchmark. */
class AgentsSupportTest {

	private static final String HEX = "9c0fab6c806651851c3c43ac48cdf7f5dfc662fdc49982931fa7385243cb0a11";

	@Test
	void shouldFindTheFingerprintTheServerLogs() {
		String log = "2026-11-29T07:17:15.534Z  INFO 32692 --- [agent-server] [main] i.i.a.server.system.TlsFingerprintLog"
				+ "    : Agent API certificate SHA-256 fingerprint (give it to agents to pin): " + HEX
				+ " (key store /tmp/data/agent-server/server.p12)\n";

		assertThat(ServerFingerprint.in("Starting...\n" + log)).isEqualTo(HEX);
	}

	@Test
	void shouldSayWhatIsMissingWhenTheLogHasNoFingerprint() {
		assertThatThrownBy(() -> ServerFingerprint.in("Starting AgentServerApplication\n"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no certificate fingerprint");
	}

	@Test
	void shouldReadThreadsAndResidentMemoryFromProcStatus() {
		String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  456789 kB\nThreads:\t57\n";

		assertThat(ProcStatus.parse(status)).isEqualTo(new ProcStatus(57, 456789));
	}

	@Test
	void shouldPutTheBenchmarksDatabaseIntoTheStacksUrl() {
		assertThat(AgentsDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/iterdef", "bench_x"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/bench_x");
		assertThat(AgentsDatabase.withDatabase("jdbc:postgresql://db:5432/iterdef?sslmode=require", "bench_x"))
			.isEqualTo("jdbc:postgresql://db:5432/bench_x?sslmode=require");
		assertThatThrownBy(() -> AgentsDatabase.withDatabase("jdbc:postgresql:iterdef", "bench_x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldTakeTheMedianOfTheWindows() {
		List<Window> windows = List.of(window(300), window(100), window(200), window(1000));

		assertThat(Windows.median(windows.subList(0, 3), Window::pollsPerSecond)).isEqualTo(200);
		assertThat(Windows.median(windows, Window::pollsPerSecond)).isEqualTo(250);
		assertThat(Windows.median(List.of(), Window::pollsPerSecond)).isNaN();
	}

	@Test
	void shouldLeaveWindowsWithoutPickupsOutOfTheMedian() {
		List<Window> windows = List.of(window(Double.NaN), window(7000), window(5000));

		assertThat(Windows.median(windows, Window::pollsPerSecond)).isEqualTo(6000);
		assertThat(AgentsBenchmark.millis(new org.HdrHistogram.Histogram(3), 50)).isNaN();
	}

	private static Window window(double polls) {
		return new Window(polls, 1, 2, 3, 4, 5, 6, 7);
	}

}
