package io.iterdef.bench.system.indexer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.streams.index.EventDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * The baseline: the same documents from the same topic, read by a plain consumer and sent as plain {@code _bulk}
 * requests of the indexer's batch size (1,000 operations or 5 MiB), synchronously, one after the other, into one index.
 * Each record is parsed for its _id as the indexer does ({@link EventDocument#forEvent}); its bytes are sent as
 * they are.
 */
final class BulkLoop implements Callable<Long> {
	static final int MAX_OPERATIONS = 1000;

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, Object> consumerProps;

	private final String topic;

	private final String index;

	private final long count;

	private final RestClient rest;

	BulkLoop(Map<String, Object> consumerProps, String topic, String index, long count, RestClient rest) {
		this.consumerProps = consumerProps;
		this.topic = topic;
		this.index = index;
		this.count = count;
		this.rest = rest;
	}

	/** The documents sent (all acknowledged without an error). */
	@Override
	public Long call() throws IOException {
		Batch batch = new Batch(index);
		long sent = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
			consumer.subscribe(List.of(topic));
			while (sent + batch.operations < count) {
				for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
					batch.add(EventDocument.forEvent(r.value()).id(), r.value());
					if (batch.full()) {
						sent += send(batch);
					}
				}
				if (Thread.currentThread().isInterrupted()) {
					throw new IllegalStateException("bulk loop interrupted after " + sent + " documents");
				}
			}
			if (batch.operations > 0) {
				sent += send(batch);
			}
		}
		return sent;
	}

	private long send(Batch batch) throws IOException {
		Request request = new Request("POST", "/_bulk");
		request.setEntity(new ByteArrayEntity(batch.body.toByteArray(), ContentType.create("application/x-ndjson")));
		JsonNode response = JSON.readTree(EntityUtils.toByteArray(rest.performRequest(request).getEntity()));
		if (response.path("errors").asBoolean(true)) {
			throw new IllegalStateException("a bulk request into " + index + " failed: " + firstError(response));
		}
		long n = batch.operations;
		batch.clear();
		return n;
	}

	static String firstError(JsonNode response) {
		for (JsonNode item : response.path("items")) {
			JsonNode error = item.path("index").path("error");
			if (!error.isMissingNode()) {
				return item.path("index").path("status").asText() + " " + error;
			}
		}
		return response.toString();
	}

	/** One bulk request's body: an action line and the document per operation. */
	static final class Batch {
		private final ByteArrayOutputStream body = new ByteArrayOutputStream(MAX_BYTES + 64 * 1024);

		private final String actionStart;

		private int operations;

		Batch(String index) {
			this.actionStart = "{\"index\":{\"_index\":\"" + quote(index) + "\",\"_id\":\"";
		}

		void add(String id, byte[] document) {
			body.writeBytes((actionStart + quote(id) + "\"}}\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(document);
			body.write('\n');
			operations++;
		}

		boolean full() {
			return operations >= MAX_OPERATIONS || body.size() >= MAX_BYTES;
		}

		int operations() {
			return operations;
		}

		String body() {
			return body.toString(StandardCharsets.UTF_8);
		}

		void clear() {
			body.reset();
			operations = 0;
		}

		private static String quote(String s) {
			return new String(JsonStringEncoder.getInstance().quoteAsString(s));
		}
	}
}
