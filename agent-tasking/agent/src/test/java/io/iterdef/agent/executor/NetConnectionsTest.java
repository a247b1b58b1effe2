package io.iterdef.agent.executor;

import static io.iterdef.agent.executor.Contexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NetConnectionsTest {

	@Test
	@SuppressWarnings("unchecked")
	void shouldFindTheListeningSocketAndItsProcessWhenTheTestOpensOne() throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc");
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			Map<String, Object> data = new NetConnectionsExecutor(Path.of("/proc"))
				.execute(context(Map.of(), 50_000_000));

			List<Map<String, Object>> connections = (List<Map<String, Object>>) data.get("connections");
			assertThat(connections).anySatisfy(c -> assertThat(c).containsEntry("localPort", socket.getLocalPort())
				.containsEntry("localAddress", "127.0.0.1")
				.containsEntry("state", "LISTEN")
				.containsEntry("pid", ProcessHandle.current().pid()));
		}
	}

	@Test
	void shouldDecodeProcNetLinesForIpv4AndIpv6() {
		List<Connection> v4 = ProcNetParser.parse("tcp", List.of(
				"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
				"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345 1 0000000000000000 100 0 0 10 0",
				"   1: 0F02000A:D2B4 5DB8D822:01BB 01 00000000:00000000 00:00000000 00000000  1000        0 67890 1"));
		List<Connection> v6 = ProcNetParser.parse("udp6", List.of(
				"   5: 00000000000000000000000001000000:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 555 2"));

		assertThat(v4).containsExactly(new Connection("tcp", "127.0.0.1", 8080, "0.0.0.0", 0, "LISTEN", 12345, null),
				new Connection("tcp", "10.0.2.15", 53940, "34.216.184.93", 443, "ESTABLISHED", 67890, null));
		assertThat(v6).containsExactly(new Connection("udp6", "0:0:0:0:0:0:0:1", 53, "0:0:0:0:0:0:0:0", 0, "UNCONN",
				555, null));
	}

	@Test
	void shouldDecodeNetstatLinesForTcpAndUdp() {
		List<Connection> parsed = NetstatParser.parse(List.of("", "Active Connections", "",
				"  Proto  Local Address          Foreign Address        State           PID",
				"  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1032",
				"  TCP    10.0.0.5:49722         52.1.2.3:443           ESTABLISHED     4120",
				"  TCP    [::]:445               [::]:0                 LISTENING       4",
				"  UDP    0.0.0.0:5353           *:*                                    2344",
				"  UDP    [fe80::1%12]:546       *:*                                    1200"));

		assertThat(parsed).containsExactly(new Connection("tcp", "0.0.0.0", 135, "0.0.0.0", 0, "LISTENING", 0, 1032L),
				new Connection("tcp", "10.0.0.5", 49722, "52.1.2.3", 443, "ESTABLISHED", 0, 4120L),
				new Connection("tcp6", "::", 445, "::", 0, "LISTENING", 0, 4L),
				new Connection("udp", "0.0.0.0", 5353, "*", 0, "UNCONN", 0, 2344L),
				new Connection("udp6", "fe80::1", 546, "*", 0, "UNCONN", 0, 1200L));
	}

	@Test
	void shouldFailWhenTheTablesAreOverTheByteBudget() {
		assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc");

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new NetConnectionsExecutor(Path.of("/proc")).execute(context(Map.of(), 10)))
			.hasMessageContaining("byte budget of 10 bytes spent");
	}

}
