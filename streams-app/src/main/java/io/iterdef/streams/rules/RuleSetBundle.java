package io.iterdef.streams.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A published rule set, the value of the compacted topic iterdef.rules (key {@value #KEY}): its version, when it was
 * published and its DRL files by path. The version is the UTC publication time plus the first 8 hex digits of the
 * SHA-256 of the sorted paths and texts ({@code 20261129T004900Z-0123abcd}), so the same rules published twice differ
 * only in the time, and the digest names the content.
 */
public record RuleSetBundle(String version, Instant publishedAt, Map<String, String> drl) {
    public static final String KEY = "active";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public RuleSetBundle {
        drl = new TreeMap<>(drl);
    }

    /** A bundle of {@code drl} published at {@code now}. */
    public static RuleSetBundle of(Map<String, String> drl, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        return new RuleSetBundle(STAMP.format(at) + "-" + digest(drl), at, drl);
    }

    /** The version of rules that were never published (the classpath's, or a rules folder's): builtin-&lt;digest&gt;. */
    public static String builtinVersion(Map<String, String> drl) {
        return "builtin-" + digest(drl);
    }

    /** First 8 hex digits of SHA-256 over each path and text in path order (NUL separated). */
    static String digest(Map<String, String> drl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(drl).forEach((path, text) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", version);
        root.put("published_at", publishedAt.toString());
        ObjectNode files = root.putObject("drl");
        drl.forEach(files::put);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the JSON is not a bundle (what is wrong) */
    public static RuleSetBundle fromJson(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("version").isTextual() || !root.path("drl").isObject()) {
            throw new IllegalArgumentException("not a rule set bundle: needs \"version\" and \"drl\" {path: text}");
        }
        Map<String, String> drl = new TreeMap<>();
        root.path("drl").fields().forEachRemaining(f -> drl.put(f.getKey(), f.getValue().asText()));
        String at = root.path("published_at").asText(null);
        return new RuleSetBundle(root.path("version").asText(), at == null ? Instant.EPOCH : Instant.parse(at), drl);
    }
}
