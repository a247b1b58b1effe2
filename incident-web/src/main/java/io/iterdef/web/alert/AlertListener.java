package io.iterdef.web.alert;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes iterdef.alerts. The offset is committed after the record is processed (ack mode record), that
 * is after the ingest transaction committed. A malformed alert is thrown as {@link AlertParseException}
 * and skipped by the error handler; a database failure is retried (see {@link AlertListenerConfiguration}).
 */
@Component
class AlertListener {

	static final String LISTENER_ID = "iterdef-alerts";

	private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

	private final ObjectMapper json;

	private final AlertIngest ingest;

	AlertListener(ObjectMapper json, AlertIngest ingest) {
		this.json = json;
		this.ingest = ingest;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${iterdef.topics.alerts:iterdef.alerts}")
	void onAlert(ConsumerRecord<String, String> record) {
		AlertJson alert = AlertJson.parse(json, record.value());
		AlertIngest.Result result = ingest.ingest(alert);
		if (result.outcome() == AlertIngest.Outcome.DUPLICATE) {
			log.debug("Alert {} seen before (offset {}-{}@{}): nothing changed", alert.id(), record.topic(),
					record.partition(), record.offset());
		}
	}

}
