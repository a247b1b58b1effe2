package io.iterdef.streams.index;

import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Event;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Where a record goes in Elasticsearch: an event to the daily index {@code events-YYYY.MM.DD} (UTC day of
 * its {@code @timestamp}) with {@code _id = event.id}, an alert to the monthly {@code alerts-YYYY.MM}
 * with {@code _id = id}. Stable ids make a replay overwrite the same document instead of adding one, and
 * so does an alert sent again with its {@code suppressed_count} (same id, same {@code @timestamp}, hence
 * the same monthly index): the indexer uses index operations, never create, so the update replaces it.
 *
 * <p>{@code json} is the record's own bytes: the indexer sends them as they are ({@link #body()}) instead of having
 * the client serialize {@code source} again, which took half of the indexer's CPU (issue 9's indexer benchmark).
 */
public record EventDocument(String index, String id, JsonNode source, byte[] json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    public static EventDocument forEvent(byte[] json) {
        JsonNode tree = parse(json);
        String id = text(tree.path("event").path("id"), "event.id");
        Instant ts = timestamp(tree);
        return new EventDocument("events-" + DAY.format(ts), id, tree, json);
    }

    /**
     * The event a document of an events index holds: the reverse of {@link #forEvent(byte[])}, whose source is the
     * event's ECS JSON as the rules saw it (backtest reads events back this way).
     * @throws InvalidDocumentException when the source is not an event (no object, no event.id, bad @timestamp)
     */
    public static Event toEvent(JsonNode source) {
        if (!(source instanceof ObjectNode tree)) {
            throw new InvalidDocumentException("not a JSON object");
        }
        text(tree.path("event").path("id"), "event.id");
        timestamp(tree);
        return Event.fromTree(tree);
    }

    static EventDocument forAlert(byte[] json) {
        JsonNode tree = parse(json);
        String id = text(tree.path("id"), "id");
        Instant ts = timestamp(tree);
        return new EventDocument("alerts-" + MONTH.format(ts), id, tree, json);
    }

    /** The document as the bulk request carries it: the record's JSON, unchanged. */
    public BinaryData body() {
        return BinaryData.of(json, ContentType.APPLICATION_JSON);
    }

    private static JsonNode parse(byte[] json) {
        if (json == null) {
            throw new InvalidDocumentException("null value");
        }
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidDocumentException("not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidDocumentException("unreadable: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidDocumentException("missing " + field);
        }
        return node.asText();
    }

    private static Instant timestamp(JsonNode tree) {
        String ts = text(tree.path("@timestamp"), "@timestamp");
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("@timestamp is not an ISO instant: " + ts);
        }
    }

    /** A record that can never be indexed (it would fail the same way on every retry). */
    public static final class InvalidDocumentException extends RuntimeException {
        InvalidDocumentException(String message) {
            super(message);
        }
    }
}
