package io.iterdef.agent.server.rules;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The iterdef.tasks topic (created when missing, like iterdef.raw) and the container of its listener: raw bytes
 * (the listener parses them, so a malformed record is recorded, not a poison pill), the earliest offset for a new
 * group, offsets committed per record after its database transaction, and a failure (the database down) retried
 * every 2 s without skipping the record.
 */
@Configuration(proxyBeanMethods = false)
class RuleRequestKafkaConfiguration {

	static final String FACTORY = "ruleRequestContainerFactory";

	@Bean
	NewTopic tasksTopic(@Value("${iterdef.topics.tasks:iterdef.tasks}") String name,
			@Value("${iterdef.topics.partitions:3}") int partitions,
			@Value("${iterdef.topics.replication:1}") short replication) {
		return TopicBuilder.name(name).partitions(partitions).replicas(replication).build();
	}

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<byte[], byte[]> ruleRequestContainerFactory(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(2000, FixedBackOff.UNLIMITED_ATTEMPTS)));
		return factory;
	}

}
