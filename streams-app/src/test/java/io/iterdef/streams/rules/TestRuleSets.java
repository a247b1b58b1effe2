package io.iterdef.streams.rules;

import java.util.Map;
import java.util.TreeMap;

/** Rule sets for hot reload tests: the built-in rules plus a canary rule, or plus a file that does not parse. */
public final class TestRuleSets {
    public static final String EXTRA_RULE = "Hot reload canary";

    private TestRuleSets() {
    }

    /**
     * The built-in rules plus one on an event code no fixture has ({@code code == "canary"}, or {@code matchedCode}),
     * so that the fixtures of the other rules still pass.
     */
    public static Map<String, String> builtinPlusOne(Map<String, String> builtin) {
        return builtinPlusOne(builtin, "canary");
    }

    public static Map<String, String> builtinPlusOne(Map<String, String> builtin, String matchedCode) {
        Map<String, String> drl = new TreeMap<>(builtin);
        drl.put("rules/windows/security/hot_reload_extra.drl", """
                package rules.windows.security;

                import io.iterdef.kb.event.Event;
                import java.util.List;

                global io.iterdef.kb.engine.Alerts alerts;

                rule "%s"
                    @id("5d0f6f1e-7c1a-4a57-9d0e-2f6e1d7c0a11")
                    @severity("low")
                    @tactic("persistence")
                    @attack("T1098")
                when
                    $e : Event( code == "%s" )
                then
                    alerts.raise(drools, $e.getHostName(), List.of($e));
                end
                """.formatted(EXTRA_RULE, matchedCode));
        return drl;
    }

    public static Map<String, String> broken(Map<String, String> builtin) {
        Map<String, String> drl = new TreeMap<>(builtin);
        drl.put("rules/windows/security/broken.drl", "package rules.windows.security;\nrule \"broken\" when then\n");
        return drl;
    }
}
