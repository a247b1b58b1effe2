package io.iterdef.bench.system.kafka;

import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.topic.TopicCreator;
import io.iterdef.streams.topic.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The benchmark's own topics: created like streams-app creates iterdef.raw, deleted at the end. */
public final class BenchTopics implements AutoCloseable {
	private final Admin admin;

	private BenchTopics(Admin admin) {
		this.admin = admin;
	}

	public static BenchTopics connect(String bootstrap) {
		return new BenchTopics(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
	}

	/** The partition count of iterdef.raw on this cluster, or streams-app's default when it does not exist yet. */
	public int rawPartitions() throws InterruptedException {
		try {
			TopicDescription raw = admin.describeTopics(List.of(Topics.RAW)).allTopicNames().get(30, TimeUnit.SECONDS)
					.get(Topics.RAW);
			return raw.partitions().size();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof UnknownTopicOrPartitionException) {
				return StreamsAppConfig.fromMap(Map.of()).topicPartitions();
			}
			throw new IllegalStateException("cannot describe " + Topics.RAW + ": " + e.getCause(), e);
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("Kafka did not describe " + Topics.RAW + " within 30 s: is it up?", e);
		}
	}

	/** Creates the topics (with streams-app's TopicCreator: it waits until every partition is served). */
	public void create(List<String> names, int partitions) {
		short replication = StreamsAppConfig.fromMap(Map.of()).topicReplication();
		List<String> created = new TopicCreator(Topics.defaults(), partitions, replication).createMissing(admin, names);
		if (created.size() != names.size()) {
			throw new IllegalStateException("topics " + names + " existed already (only " + created + " were created): a "
					+ "benchmark's topics must be its own; delete the others or start a new run");
		}
	}

	/** Deletes the topics; what does not exist is ignored. */
	public void delete(Collection<String> names) throws InterruptedException {
		try {
			admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
				throw new IllegalStateException("cannot delete topics " + names + ": " + e.getCause(), e);
			}
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("Kafka did not delete topics " + names + " within 60 s", e);
		}
	}

	/** Deletes the benchmark's consumer groups, as far as it can (a group that is not empty yet stays). */
	public void deleteGroups(Collection<String> groups) throws InterruptedException {
		try {
			admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException e) {
			System.out.println("bench: could not delete consumer groups " + groups + " (" + e + "); they expire");
		}
	}

	@Override
	public void close() {
		admin.close();
	}
}
