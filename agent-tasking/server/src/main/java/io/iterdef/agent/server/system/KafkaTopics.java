package io.iterdef.agent.server.system;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** iterdef.raw, created at start when missing (as the streams app would: ITERDEF_TOPIC_PREFIX, ITERDEF_TOPIC_PARTITIONS, ITERDEF_TOPIC_REPLICATION). */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic rawTopic(@Value("${iterdef.topics.raw:iterdef.raw}") String name,
			@Value("${iterdef.topics.partitions:3}") int partitions,
			@Value("${iterdef.topics.replication:1}") short replication) {
		return TopicBuilder.name(name).partitions(partitions).replicas(replication).build();
	}

}
