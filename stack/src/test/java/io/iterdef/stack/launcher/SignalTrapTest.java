package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTrapTest {

    @Test
    void shouldRunActionWhenSignalArrives() throws Exception {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

        // SIGUSR2 is unused by the JVM and by Surefire; raise it at this very process
        assertThat(SignalTrap.install(List.of("USR2"), () -> ran.add("stopped"))).isTrue();
        new ProcessBuilder("kill", "-USR2", Long.toString(ProcessHandle.current().pid())).start().waitFor();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ran).containsExactly("stopped"));
    }

    @Test
    void shouldRefuseWhenSignalIsUnknown() {
        assertThat(SignalTrap.install(List.of("NO-SUCH-SIGNAL"), () -> { })).isFalse();
    }
}
