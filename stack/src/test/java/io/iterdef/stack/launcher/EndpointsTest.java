package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void shouldTakeFirstServerWhenBootstrapHasSeveral() {
        Endpoints endpoints = endpoints("kafka-1.corp:19092, kafka-2.corp:19092");

        assertThat(endpoints.kafkaHost()).isEqualTo("kafka-1.corp");
        assertThat(endpoints.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void shouldStripListenerAndBracketsWhenPresent() {
        Endpoints endpoints = endpoints("SASL_SSL://[::1]:9093");

        assertThat(endpoints.kafkaHost()).isEqualTo("::1");
        assertThat(endpoints.kafkaPort()).isEqualTo(9093);
    }

    static Endpoints endpoints(String bootstrap) {
        return new Endpoints(bootstrap, "http://127.0.0.1:9200", "jdbc:postgresql://127.0.0.1:5432/iterdef",
                "postgres", "");
    }
}
