package io.iterdef.streams.config;

import java.util.Map;

/** Reads variables from a map; a blank value counts as unset. */
final class Env {
    private final Map<String, String> values;

    Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    String get(String name, String defaultValue) {
        String v = values.get(name);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    int getInt(String name, int defaultValue) {
        String v = get(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " is not a number: " + v, ex);
        }
    }
}
