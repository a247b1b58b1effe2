package io.iterdef.streams.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What one instance runs, the value of the compacted topic iterdef.rules.status (key: the instance id): the version
 * and since when, and the last bundle it refused (version, errors, when) or nulls.
 */
public record RulesStatus(String instance, String version, String since, String refusedVersion,
        String refusedErrors, String refusedAt) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static RulesStatus of(String instance, ActiveRules rules) {
        ActiveRules.Active a = rules.current();
        ActiveRules.Refused r = rules.refused();
        return new RulesStatus(instance, a.version(), a.since().toString(), r == null ? null : r.version(),
                r == null ? null : r.errors(), r == null ? null : r.at().toString());
    }

    public byte[] toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("instance", instance);
        n.put("version", version);
        n.put("since", since);
        n.put("refused_version", refusedVersion);
        n.put("refused_errors", refusedErrors);
        n.put("refused_at", refusedAt);
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RulesStatus fromJson(byte[] json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new RulesStatus(n.path("instance").asText(null), n.path("version").asText(null),
                    n.path("since").asText(null), n.path("refused_version").asText(null),
                    n.path("refused_errors").asText(null), n.path("refused_at").asText(null));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a rules status: " + e.getMessage(), e);
        }
    }
}
