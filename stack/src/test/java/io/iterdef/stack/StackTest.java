package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackTest {

    private static Stack unstarted() {
        return new Stack(StackConfig.fromMap(Map.of("ITERDEF_DATA_DIR", Path.of("target/stack-test").toString())));
    }

    @Test
    void shouldNameServicesAsStartedServicesDoesWhenAsked() {
        assertThat(Arrays.stream(Stack.Service.values()).map(Stack.Service::serviceName))
                .containsExactly("kafka", "elasticsearch", "postgres");
    }

    @Test
    void shouldRefuseToStopOrStartAServiceWhenThisStackDidNotStartIt() {
        Stack stack = unstarted();
        for (Stack.Service service : Stack.Service.values()) {
            assertThatThrownBy(() -> stack.stop(service)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(service.serviceName() + " was not started by this stack");
            assertThatThrownBy(() -> stack.start(service)).isInstanceOf(IllegalStateException.class);
            assertThat(stack.isRunning(service)).isFalse();
        }
    }
}
