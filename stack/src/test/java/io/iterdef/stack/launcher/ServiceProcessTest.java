package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(service -> service.stop(Duration.ofSeconds(1)));
    }

    @Test
    void shouldLeaveNoDescendantAliveWhenStopped() {
        ServiceProcess service = sh("sleep 300 & sleep 300 & wait");
        List<ProcessHandle> tree = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> descendants(service).size() == 2);
        tree.add(ProcessHandle.of(service.pid()).orElseThrow());
        tree.addAll(descendants(service));

        service.stop(Duration.ofSeconds(5));

        assertThat(tree).hasSize(3).noneMatch(ProcessHandle::isAlive);
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void shouldKillForciblyWhenProcessIgnoresTerm() {
        ServiceProcess service = sh("trap '' TERM; sleep 300 & wait; sleep 300");
        await().atMost(Duration.ofSeconds(10)).until(() -> descendants(service).size() == 1);
        ProcessHandle child = descendants(service).get(0);

        service.stop(Duration.ofMillis(500));

        assertThat(service.isAlive()).isFalse();
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void shouldReturnLastLinesWhenLogIsLongerThanAsked() throws Exception {
        ServiceProcess service = sh("for i in 1 2 3 4 5 6 7 8 9 10; do echo line$i; done; echo oops >&2");
        assertThat(service.waitReady(() -> false, Duration.ofSeconds(10))).isEqualTo(ServiceProcess.Readiness.EXITED);

        assertThat(service.logTail(3)).containsExactly("line9", "line10", "oops");
        assertThat(service.logTail(100)).hasSize(11);
    }

    @Test
    void shouldReturnNoLinesWhenThereIsNoLog() {
        ServiceProcess service = sh("true");

        assertThat(service.logTail(0)).isEmpty();
    }

    @Test
    void shouldReportExitedWhenProcessDiesBeforeReady() throws Exception {
        ServiceProcess service = sh("exit 3");

        assertThat(service.waitReady(() -> false, Duration.ofSeconds(10))).isEqualTo(ServiceProcess.Readiness.EXITED);
        assertThat(service.exitCode()).isEqualTo(3);
    }

    @Test
    void shouldReportTimedOutWhenCheckNeverPasses() throws Exception {
        ServiceProcess service = sh("sleep 300");

        assertThat(service.waitReady(() -> false, Duration.ofMillis(700))).isEqualTo(ServiceProcess.Readiness.TIMED_OUT);
        assertThat(service.isAlive()).isTrue();
        assertThat(service.exitCode()).isEqualTo(-1);
    }

    @Test
    void shouldReportReadyWhenCheckPasses() throws Exception {
        Path marker = dir.resolve("ready");
        ServiceProcess service = sh("sleep 0.3; touch '" + marker + "'; sleep 300");

        assertThat(service.waitReady(() -> Files.exists(marker), Duration.ofSeconds(10)))
                .isEqualTo(ServiceProcess.Readiness.READY);
    }

    @Test
    void shouldPassEnvironmentAndWorkDirWhenStarting() throws Exception {
        ServiceProcess service = sh("echo \"$ITERDEF_TEST_VALUE\"; pwd");
        service.waitReady(() -> false, Duration.ofSeconds(10));

        assertThat(service.logTail(2)).containsExactly("from-test", dir.toRealPath().toString());
    }

    private ServiceProcess sh(String script) {
        try {
            ServiceProcess service = ServiceProcess.start("test", List.of("sh", "-c", script),
                    Map.of("ITERDEF_TEST_VALUE", "from-test"), dir, dir.resolve("logs/test.log"));
            started.add(service);
            return service;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ProcessHandle> descendants(ServiceProcess service) {
        return ProcessHandle.of(service.pid()).map(h -> h.descendants().toList()).orElse(List.of());
    }
}
