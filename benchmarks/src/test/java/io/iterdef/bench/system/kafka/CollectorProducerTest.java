package io.iterdef.bench.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorProducerTest {

	@Test
	void shouldTakeTheCollectorsSettingsWhenAskedForTheProducerProperties() {
		Map<String, Object> props = CollectorProducer.properties("127.0.0.1:1");

		assertThat(props).containsEntry("bootstrap.servers", "127.0.0.1:1").containsEntry("acks", "all")
				.containsEntry("enable.idempotence", true).containsKey("linger.ms");
	}

	@Test
	void shouldLeaveSerializersClientIdAndBlockingToTheToolWhenMakingToolArguments() {
		List<String> args = CollectorProducer.toolProperties("127.0.0.1:1");

		assertThat(args).contains("bootstrap.servers=127.0.0.1:1", "acks=all", "enable.idempotence=true");
		assertThat(args).noneMatch(a -> a.startsWith("key.serializer") || a.startsWith("value.serializer")
				|| a.startsWith("client.id") || a.startsWith("max.block.ms"));
		assertThat(args).allMatch(a -> a.matches("[a-z.]+=\\S+"));
	}
}
