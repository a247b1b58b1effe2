package io.iterdef.agent.server.rules;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes iterdef.tasks (ITERDEF_TOPIC_PREFIX + "iterdef.tasks"): each record is handled and committed to the
 * database before its offset is committed (ack mode RECORD, see {@link RuleRequestKafkaConfiguration}). A record
 * that is not a usable request is recorded as refused, so it never blocks its partition; a database that is down
 * makes the record be retried until it is back.
 */
@Component
class RuleRequestListener {

	private static final Logger log = LoggerFactory.getLogger(RuleRequestListener.class);

	private final RuleRequestService service;

	private final JsonMapper json;

	RuleRequestListener(RuleRequestService service, JsonMapper json) {
		this.service = service;
		this.json = json;
	}

	@KafkaListener(id = "${iterdef.agent.rules.group}", topics = "${iterdef.topics.tasks}",
			containerFactory = RuleRequestKafkaConfiguration.FACTORY,
			autoStartup = "${iterdef.agent.rules.enabled:true}")
	void onRequest(ConsumerRecord<byte[], byte[]> record) {
		String position = record.topic() + "-" + record.partition() + "@" + record.offset();
		try {
			service.handle(RuleTaskRequest.parse(json, record.value(), position));
		}
		catch (NonTransientDataAccessException ex) {
			// The database refuses this record's data (not an outage): record that instead of retrying forever.
			log.warn("rule task request at {} refused by the database: {}", position, ex.getMessage());
			service.recordUnstorable(position, ex.getMostSpecificCause().getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("rule task request at {} not recorded (retried in 2 s): {}", position, ex.toString(), ex);
			throw ex;
		}
	}

}
