package io.iterdef.agent.server.task;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.iterdef.agent.server.system.ApiException;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends an agent-result record to iterdef.raw, keyed by the agent's host name, with the collector's envelope
 * headers (iterdef.received, iterdef.source = agent:&lt;id&gt;, iterdef.format = agent-result; the names of
 * io.iterdef.streams.topic.Topics) and waits for the broker's acknowledgement.
 */
@Component
class ResultPublisher {

	static final String HEADER_RECEIVED = "iterdef.received";

	static final String HEADER_SOURCE = "iterdef.source";

	static final String HEADER_FORMAT = "iterdef.format";

	static final String FORMAT = "agent-result";

	private final KafkaTemplate<String, byte[]> kafka;

	private final String topic;

	ResultPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${iterdef.topics.raw:iterdef.raw}") String topic) {
		this.kafka = kafka;
		this.topic = topic;
	}

	void publish(String hostname, String agentId, byte[] value, long receivedMillis) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, hostname, value);
		record.headers().add(HEADER_RECEIVED, ascii(Long.toString(receivedMillis)));
		record.headers().add(HEADER_SOURCE, ascii("agent:" + agentId));
		record.headers().add(HEADER_FORMAT, ascii(FORMAT));
		try {
			kafka.send(record).get(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	String topic() {
		return topic;
	}

	private ApiException unavailable(Exception ex) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the result could not be passed on (" + topic
				+ " unreachable: " + ex.getClass().getSimpleName() + ")", "send the result again later");
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

}
