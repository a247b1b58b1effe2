package io.iterdef.streams.rules;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes this instance's {@link RulesStatus} to iterdef.rules.status at start and after every swap or refusal. */
public final class StatusReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String instance;

    private StatusReporter(Map<String, Object> clientProperties, String topic, String instance) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(p);
        this.topic = topic;
        this.instance = instance;
    }

    public static StatusReporter start(Map<String, Object> clientProperties, String topic, String instance,
            ActiveRules rules) {
        StatusReporter reporter = new StatusReporter(clientProperties, topic, instance);
        rules.onChange(reporter::report);
        reporter.report(rules);
        return reporter;
    }

    void report(ActiveRules rules) {
        RulesStatus status = RulesStatus.of(instance, rules);
        producer.send(new ProducerRecord<>(topic, instance, status.toJson()), (md, e) -> {
            if (e != null) {
                log.warn("cannot report rule set status {} of {} to {}: {}", status.version(), instance, topic,
                        e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
