package io.iterdef.streams.index;

import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * the client serialize a parsed tree again, which took half of the indexer's CPU (issue 9's indexer benchmark). For the
 * same reason the record is not parsed into a tree to find its index and id: one streaming pass reads
 * {@code @timestamp} and the id and skips the rest (still checking that the whole record is JSON); {@link #source()}
 * parses the tree only when asked.
 */
public final class EventDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private final String index;
    private final String id;
    private final byte[] json;

    private EventDocument(String index, String id, byte[] json) {
        this.index = index;
        this.id = id;
        this.json = json;
    }

    public static EventDocument forEvent(byte[] json) {
        Keys keys = Keys.read(json, "event");
        String id = text(keys.id(), "event.id");
        Instant ts = timestamp(keys.timestamp());
        return new EventDocument("events-" + DAY.format(ts), id, json);
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
        text(string(tree.path("event").path("id")), "event.id");
        timestamp(string(tree.path("@timestamp")));
        return Event.fromTree(tree);
    }

    static EventDocument forAlert(byte[] json) {
        Keys keys = Keys.read(json, null);
        String id = text(keys.id(), "id");
        Instant ts = timestamp(keys.timestamp());
        return new EventDocument("alerts-" + MONTH.format(ts), id, json);
    }

    /** The daily (events) or monthly (alerts) index. */
    public String index() {
        return index;
    }

    /** The document's _id: the event's event.id, the alert's id. */
    public String id() {
        return id;
    }

    /** The record's JSON as a tree (parsed on each call: the indexer itself never needs it). */
    public JsonNode source() {
        return parse(json);
    }

    /** The record's own bytes. */
    public byte[] json() {
        return json;
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

    private static String string(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidDocumentException("missing " + field);
        }
        return value;
    }

    private static Instant timestamp(String value) {
        String ts = text(value, "@timestamp");
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("@timestamp is not an ISO instant: " + ts);
        }
    }

    /**
     * The top-level {@code @timestamp} and the id (top-level {@code id}, or {@code id} inside the top-level object
     * {@code idObject}) of a JSON object, each null unless a string; like a parsed tree, the last of duplicate keys
     * counts. Every other value is skipped, yet read through, so a record that is not JSON is refused as before.
     */
    record Keys(String id, String timestamp) {
        static Keys read(byte[] json, String idObject) {
            if (json == null) {
                throw new InvalidDocumentException("null value");
            }
            try (JsonParser p = FACTORY.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new InvalidDocumentException("not a JSON object");
                }
                String id = null;
                String timestamp = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("@timestamp")) {
                        timestamp = string(p, value);
                    } else if (idObject == null && name.equals("id")) {
                        id = string(p, value);
                    } else if (name.equals(idObject)) {
                        id = value == JsonToken.START_OBJECT ? innerId(p) : null;
                        p.skipChildren();
                    } else {
                        p.skipChildren();
                    }
                }
                return new Keys(id, timestamp);
            } catch (JsonProcessingException e) {
                throw new InvalidDocumentException("not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new InvalidDocumentException("unreadable: " + e.getMessage());
            }
        }

        /** Reads the object the parser is at up to its end, returning its id. */
        private static String innerId(JsonParser p) throws IOException {
            String id = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("id")) {
                    id = string(p, value);
                } else {
                    p.skipChildren();
                }
            }
            return id;
        }

        private static String string(JsonParser p, JsonToken value) throws IOException {
            return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
    }

    /** A record that can never be indexed (it would fail the same way on every retry). */
    public static final class InvalidDocumentException extends RuntimeException {
        InvalidDocumentException(String message) {
            super(message);
        }
    }
}
