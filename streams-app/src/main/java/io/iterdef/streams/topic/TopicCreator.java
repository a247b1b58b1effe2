package io.iterdef.streams.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that do not exist yet (it never changes an existing one). */
public final class TopicCreator {
    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final Topics topics;
    private final int partitions;
    private final short replication;

    public TopicCreator(Topics topics, int partitions, short replication) {
        this.topics = topics;
        this.partitions = partitions;
        this.replication = replication;
    }

    /** Returns the names it created. */
    public List<String> createMissing(Admin admin) {
        return createMissing(admin, topics.allNames());
    }

    /** Creates those of {@code names} that do not exist; returns the names it created. */
    public List<String> createMissing(Admin admin, List<String> names) {
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(newTopic(name));
                }
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!created.isEmpty()) {
                awaitServed(admin, created);
                log.info("created topics {} ({} partitions, replication {})", created, partitions, replication);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the leader of every partition of the new topics serves it. A broker announces a new
     * partition's leader in its metadata a moment before its log exists; an idempotent producer that writes in
     * that moment gets NOT_LEADER_OR_FOLLOWER for its first batch while later batches land, and then fails
     * that batch with an out-of-order sequence for good. ListOffsets is answered by the partition's log itself,
     * so once it answers for every partition, writes are safe.
     */
    private static void awaitServed(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS)
                        .values()) {
                    topic.partitions().forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest()));
                }
                admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                // right after creation the topic may be unknown or leaderless for a moment: both are retriable
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(100); // a poll with a deadline: the broker gives no event to wait for
            }
        }
    }

    private NewTopic newTopic(String name) {
        // the compacted rules topics are read whole by every instance: one partition keeps them in order
        NewTopic topic = new NewTopic(name, topics.isCompacted(name) ? 1 : partitions, replication);
        if (topics.isCompacted(name)) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }
}
