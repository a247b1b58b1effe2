package io.iterdef.kb.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared Jackson 2 mapper and small JSON/hash helpers of the fact model. */
public final class Json {

	/** The one mapper of detection-kb (thread-safe once configured). */
	public static final ObjectMapper MAPPER = new ObjectMapper();

	/**
	 * One SHA-1 digest per thread: MessageDigest.getInstance looks the provider up on every call (it showed in the
	 * decode profile), and a digest is not thread-safe. digest() resets it for the next use.
	 */
	private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 not available", e);
		}
	});

	private static final HexFormat HEX = HexFormat.of();

	private Json() {
	}

	/** Parses a JSON object; throws IllegalArgumentException when the bytes are not a JSON object. */
	public static ObjectNode parseObject(byte[] json) {
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
		}
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		return (ObjectNode) node;
	}

	public static byte[] write(JsonNode node) {
		try {
			return MAPPER.writeValueAsBytes(node);
		}
		catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Lower-case hex SHA-1 of the UTF-8 text. */
	public static String sha1Hex(String text) {
		return sha1Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Lower-case hex SHA-1 of the bytes. */
	public static String sha1Hex(byte[] bytes) {
		return HEX.formatHex(SHA1.get().digest(bytes));
	}

	/** Converts a JSON node into plain Java values: String, Long, Double, Boolean, List, Map (null for JSON null). */
	static Object toJava(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isTextual()) {
			return node.textValue();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			node.forEach(n -> list.add(toJava(n)));
			return List.copyOf(list.stream().map(o -> o == null ? "" : o).toList());
		}
		Map<String, Object> map = new LinkedHashMap<>();
		node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
		return java.util.Collections.unmodifiableMap(map);
	}
}
