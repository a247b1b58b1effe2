package io.iterdef.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetBundleTest {
    private static final Instant AT = Instant.parse("2026-11-29T00:50:07.123Z");

    @Test
    void shouldNameTheTimeAndTheContentWhenVersioned() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("b.drl", "rule b");
        ab.put("a.drl", "rule a");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("a.drl", "rule a");
        ba.put("b.drl", "rule b");

        RuleSetBundle bundle = RuleSetBundle.of(ab, AT);

        assertThat(bundle.version()).matches("20261129T005007Z-[0-9a-f]{8}");
        assertThat(RuleSetBundle.of(ba, AT).version()).as("file order does not matter").isEqualTo(bundle.version());
        assertThat(RuleSetBundle.of(Map.of("a.drl", "rule a2", "b.drl", "rule b"), AT).version())
                .isNotEqualTo(bundle.version());
        assertThat(RuleSetBundle.builtinVersion(ab)).isEqualTo("builtin-" + bundle.version().substring(17));
    }

    @Test
    void shouldRoundTripWhenWrittenAndRead() {
        RuleSetBundle bundle = RuleSetBundle.of(Map.of("rules/x.drl", "package rules;\nrule \"x\" when then end\n"), AT);

        assertThat(RuleSetBundle.fromJson(bundle.toJson())).isEqualTo(bundle);
    }

    @Test
    void shouldSayWhatIsMissingWhenTheRecordIsNotABundle() {
        assertThatThrownBy(() -> RuleSetBundle.fromJson("{\"drl\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"version\"");
        assertThatThrownBy(() -> RuleSetBundle.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}
