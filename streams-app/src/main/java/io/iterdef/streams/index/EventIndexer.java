package io.iterdef.streams.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.iterdef.streams.topic.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes iterdef.events (and iterdef.alerts) into Elasticsearch with the BulkIngester. At least once,
 * never lost: offsets are committed only up to records Elasticsearch has stored (see {@link OffsetTracker});
 * when a bulk fails, consumption pauses with exponential backoff, then rewinds to the first unsettled
 * record and sends again (index operations with stable ids, so resending overwrites, never duplicates).
 */
public final class EventIndexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventIndexer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Map<String, Object> consumerProps;
    private final Topics topics;
    private final RestClient rest;
    private final OffsetTracker tracker = new OffsetTracker();
    private final BulkOutcome outcome = new BulkOutcome(tracker);
    private final Thread thread;
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    private EventIndexer(Map<String, Object> kafkaClientProps, String groupId, Topics topics, RestClient rest) {
        this.topics = topics;
        this.rest = rest;
        this.consumerProps = new HashMap<>(kafkaClientProps);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // iterdef.events and iterdef.alerts are written in transactions (exactly_once_v2): skip aborted ones
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.thread = new Thread(this::run, "event-indexer");
    }

    /** Starts the indexer thread; it puts the index templates first (retrying until Elasticsearch answers). */
    public static EventIndexer start(Map<String, Object> kafkaClientProps, String groupId, Topics topics,
            RestClient rest) {
        EventIndexer indexer = new EventIndexer(kafkaClientProps, groupId, topics, rest);
        indexer.thread.start();
        return indexer;
    }

    private void run() {
        if (!putTemplates()) {
            return;
        }
        ElasticsearchClient client = ElasticsearchFactory.client(rest)
                .withTransportOptions(o -> o.setParameter("filter_path", BulkOutcome.RESPONSE_FIELDS));
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps)) {
            consumer = c;
            BulkIngester<BulkOutcome.Source> ingester = BulkIngester.of(b -> b.client(client)
                    .maxOperations(1000).maxSize(5L * 1024 * 1024).maxConcurrentRequests(1)
                    .flushInterval(500, TimeUnit.MILLISECONDS).listener(outcome));
            try {
                c.subscribe(List.of(topics.events().name(), topics.alerts().name()), new Rebalance(c, ingester));
                log.info("indexer consuming {} and {}", topics.events().name(), topics.alerts().name());
                loop(c, ingester);
            } catch (WakeupException e) {
                if (!closing) {
                    throw e;
                }
            } finally {
                ingester.close(); // sends what is buffered and waits for it
            }
            try {
                commit(c);
            } catch (WakeupException e) {
                commit(c); // the wakeup from close() was still pending
            }
        } catch (RuntimeException e) {
            log.error("indexer stopped", e);
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> c, BulkIngester<BulkOutcome.Source> ingester) {
        Duration backoff = Duration.ofSeconds(1);
        long lastCommit = 0;
        while (!closing) {
            if (outcome.hasFailure()) {
                recover(c, ingester, backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                add(r, ingester);
            }
            long now = System.nanoTime();
            if (now - lastCommit > TimeUnit.SECONDS.toNanos(1)) {
                if (commit(c)) {
                    backoff = Duration.ofSeconds(1);
                }
                lastCommit = now;
            }
        }
    }

    private void add(ConsumerRecord<byte[], byte[]> r, BulkIngester<BulkOutcome.Source> ingester) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        tracker.added(tp, r.offset());
        EventDocument doc;
        try {
            doc = r.topic().equals(topics.alerts().name())
                    ? EventDocument.forAlert(r.value()) : EventDocument.forEvent(r.value());
        } catch (EventDocument.InvalidDocumentException e) {
            log.error("record {}@{} cannot be indexed ({}); skipped", tp, r.offset(), e.getMessage());
            tracker.done(tp, r.offset());
            return;
        }
        ingester.add(BulkOperation.of(b -> b.index(i -> i.index(doc.index()).id(doc.id()).document(doc.body()))),
                new BulkOutcome.Source(tp, r.offset()));
    }

    /** Waits out in-flight bulks, pauses for the backoff, then seeks back to the first unsettled records. */
    private void recover(KafkaConsumer<byte[], byte[]> c, BulkIngester<BulkOutcome.Source> ingester,
            Duration backoff) {
        ingester.flush();
        awaitDrained(ingester);
        String failure = outcome.takeFailure();
        log.warn("Elasticsearch bulk failed ({}); nothing committed past it, retrying in {} s", failure,
                backoff.toSeconds());
        commit(c);
        c.pause(c.assignment());
        long until = System.nanoTime() + backoff.toNanos();
        while (!closing && System.nanoTime() < until) {
            c.poll(Duration.ofMillis(200)); // paused: keeps group membership alive, returns nothing
        }
        for (TopicPartition tp : c.assignment()) {
            Long rewind = tracker.rewindOffset(tp);
            if (rewind != null) {
                c.seek(tp, rewind);
                tracker.rewound(tp, rewind);
            }
        }
        c.resume(c.assignment());
    }

    private static void awaitDrained(BulkIngester<BulkOutcome.Source> ingester) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while ((ingester.pendingOperations() > 0 || ingester.pendingRequests() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean commit(KafkaConsumer<byte[], byte[]> c) {
        var offsets = tracker.committable();
        offsets.keySet().retainAll(c.assignment());
        if (offsets.isEmpty()) {
            return false;
        }
        try {
            c.commitSync(offsets);
        } catch (RetriableException e) {
            // Kafka away (a commit timeout after default.api.timeout.ms) or the coordinator moving: not a reason to stop
            // indexing for good. Nothing is marked committed, so the same offsets go again at the next commit; what
            // was indexed meanwhile may be indexed again after a crash, which overwrites (the _id is the event id).
            log.warn("indexer could not commit {} ({}); trying again at the next commit", offsets, e.toString());
            return false;
        }
        tracker.markCommitted(offsets);
        log.debug("indexer committed {}", offsets);
        return true;
    }

    private boolean putTemplates() {
        Duration backoff = Duration.ofSeconds(1);
        while (!closing) {
            try {
                IndexTemplates.putAll(rest);
                return true;
            } catch (Exception e) {
                log.warn("cannot put index templates yet ({}); retrying in {} s", e.toString(), backoff.toSeconds());
                long until = System.nanoTime() + backoff.toNanos();
                while (!closing && System.nanoTime() < until) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    /** Stops consuming, flushes the ingester, commits what Elasticsearch has, and waits for the thread. */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("indexer closed");
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> c;
        private final BulkIngester<BulkOutcome.Source> ingester;

        Rebalance(KafkaConsumer<byte[], byte[]> c, BulkIngester<BulkOutcome.Source> ingester) {
            this.c = c;
            this.ingester = ingester;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                ingester.flush();
                awaitDrained(ingester);
                commit(c);
            } catch (RuntimeException e) {
                // not committed: the next owner re-reads from the last commit and overwrites the same ids
                log.warn("indexer could not commit on revocation: {}", e.toString());
            }
            partitions.forEach(tracker::forget);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(tracker::forget);
        }
    }
}
