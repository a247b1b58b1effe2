package io.iterdef.bench.system.kafka;

import io.iterdef.streams.config.StreamsAppConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the collector's producer (acks, idempotence, linger, batch, compression, request size), taken from
 * streams-app's own {@code ClientProperties.collectorProducer} with its default configuration, so that the baselines
 * produce as the collector does. That method is package-private in streams-app, so it is called reflectively; when it
 * is renamed this fails with what to change.
 */
final class CollectorProducer {
	private static final String CLASS = "io.iterdef.streams.ClientProperties";

	private static final String METHOD = "collectorProducer";

	/**
	 * What a tool sets itself, and max.block.ms: the collector blocks briefly on a full buffer so it can answer 503;
	 * a tool sending flat out would die of it on a slow moment (it has no one to answer), so it keeps Kafka's 60 s.
	 */
	private static final Set<String> NOT_FOR_TOOLS = Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
			ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG,
			ProducerConfig.MAX_BLOCK_MS_CONFIG);

	private CollectorProducer() {
	}

	/** The collector's producer properties for a collector on {@code bootstrap} (serializers: byte arrays). */
	public static Map<String, Object> properties(String bootstrap) {
		StreamsAppConfig config = StreamsAppConfig.fromMap(Map.of("ITERDEF_KAFKA", bootstrap));
		try {
			Method method = Class.forName(CLASS).getDeclaredMethod(METHOD, StreamsAppConfig.class);
			method.setAccessible(true);
			@SuppressWarnings("unchecked")
			Map<String, Object> props = (Map<String, Object>) method.invoke(null, config);
			return new TreeMap<>(props);
		}
		catch (ClassNotFoundException | NoSuchMethodException e) {
			throw new IllegalStateException("streams-app has no " + CLASS + "." + METHOD + "(StreamsAppConfig) any more: "
					+ "point " + CollectorProducer.class.getName() + " at where the collector's producer settings are made",
					e);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("cannot read the collector's producer settings: " + e, e);
		}
	}

	/** The same as {@code key=value} arguments of ProducerPerformance's {@code --producer-props}. */
	public static List<String> toolProperties(String bootstrap) {
		List<String> args = new ArrayList<>();
		properties(bootstrap).forEach((k, v) -> {
			if (!NOT_FOR_TOOLS.contains(k)) {
				args.add(k + "=" + v);
			}
		});
		return args;
	}
}
