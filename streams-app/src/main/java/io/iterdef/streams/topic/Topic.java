package io.iterdef.streams.topic;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its key and value. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
