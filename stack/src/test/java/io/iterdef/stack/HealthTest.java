package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void shouldParseStatusWhenClusterHealthAnswers() {
        assertThat(Health.parseStatus("{\"cluster_name\":\"iterdef\",\"status\" : \"yellow\",\"timed_out\":false}")).isEqualTo("yellow");
        assertThat(Health.parseStatus("{\"error\":\"x\"}")).isNull();
        assertThat(Health.parseStatus(null)).isNull();
    }

    @Test
    void shouldSeePortOpenOnlyWhileSomethingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
            assertThat(Health.portOpen("127.0.0.1", port)).isTrue();
        }
        assertThat(Health.portOpen("127.0.0.1", port)).isFalse();
    }

    @Test
    void shouldBeUnhealthyWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(Health.elasticsearch("http://127.0.0.1:" + port, null)).isFalse();
        assertThat(Health.database("jdbc:postgresql://127.0.0.1:" + port + "/x", "u", "")).isFalse();
    }
}
