package io.iterdef.bench.system.kafka;

/** Kafka's clients log their whole configuration at INFO for each consumer and producer: warnings only, please. */
public final class ClientLogs {

	private ClientLogs() {
	}

	/** Affects the clients created afterwards (slf4j-simple reads a logger's level when it is created). */
	public static void quiet() {
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
	}
}
