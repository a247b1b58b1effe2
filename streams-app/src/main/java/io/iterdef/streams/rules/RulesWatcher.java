package io.iterdef.streams.rules;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted topic iterdef.rules (one partition, no consumer group: every instance reads all of it) and
 * offers the newest bundle to the instance's {@link ActiveRules}. {@link #start} first reads up to the end, so an
 * instance starts on the last published set, then follows on a daemon thread. A record that is not a bundle is
 * refused like a set that does not compile.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ActiveRules rules;
    private final Thread thread;
    private volatile boolean closed;

    private RulesWatcher(Map<String, Object> clientProperties, String topic, ActiveRules rules) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(p);
        this.rules = rules;
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(60)).get(partition);
        while (consumer.position(partition, Duration.ofSeconds(60)) < end) {
            apply(consumer.poll(POLL));
        }
        this.thread = new Thread(this::follow, "rules-watcher");
        thread.setDaemon(true);
    }

    /** Reads {@code topic} to its end (applying the last bundle), then follows it. */
    public static RulesWatcher start(Map<String, Object> clientProperties, String topic, ActiveRules rules) {
        RulesWatcher watcher = new RulesWatcher(clientProperties, topic, rules);
        watcher.thread.start();
        return watcher;
    }

    private void follow() {
        try {
            while (!closed) {
                apply(consumer.poll(POLL));
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("rules watcher stopped: published rule sets are no longer followed", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Only the newest record of a batch matters: the topic is compacted on one key. */
    private void apply(ConsumerRecords<String, byte[]> records) {
        ConsumerRecord<String, byte[]> last = null;
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() != null) {
                last = r;
            }
        }
        if (last == null) {
            return;
        }
        RuleSetBundle bundle;
        try {
            bundle = RuleSetBundle.fromJson(last.value());
        } catch (IllegalArgumentException e) {
            rules.refuse("offset " + last.offset(), e.getMessage());
            return;
        }
        rules.offer(bundle);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
