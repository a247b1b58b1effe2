package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.stack.junit.StackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class StackIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldProduceAndConsumeWhenTopicCreated(Stack stack) throws Exception {
        String topic = "stack-it-" + UUID.randomUUID();
        Map<String, Object> common = new HashMap<>(stack.kafkaClientProperties());
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> producerProps = new HashMap<>(common);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, "host-1", "hello")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerProps = new HashMap<>(common);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "stack-it-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(Set.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("host-1");
            assertThat(r.value()).isEqualTo("hello");
        });
    }

    @Test
    void shouldGetDocumentWhenIndexed(Stack stack) throws Exception {
        String index = "stack-it-" + UUID.randomUUID();
        HttpResponse<String> put = send(stack, HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index + "/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"host\":{\"name\":\"wkstn-1\"}}", StandardCharsets.UTF_8)));
        assertThat(put.statusCode()).isEqualTo(201);

        HttpResponse<String> get = send(stack, HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index + "/_doc/1")).GET());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("\"found\":true").contains("wkstn-1");

        HttpResponse<String> search = send(stack, HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index + "/_search?q=host.name:wkstn-1")).GET());
        assertThat(search.body()).contains("\"value\":1");

        send(stack, HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index)).DELETE());
    }

    @Test
    void shouldSelectRowWhenInserted(Stack stack) throws Exception {
        String table = "stack_it_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement st = c.createStatement()) {
            assertThat(c.getCatalog()).isEqualTo("iterdef");
            st.execute("create table " + table + " (id bigserial primary key, name text not null)");
            st.execute("insert into " + table + " (name) values ('alert-1')");
            try (ResultSet rs = st.executeQuery("select name from " + table)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("alert-1");
                assertThat(rs.next()).isFalse();
            }
            st.execute("drop table " + table);
        }
    }

    private HttpResponse<String> send(Stack stack, HttpRequest.Builder request) throws Exception {
        String auth = stack.config().elasticsearchAuthorization();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
