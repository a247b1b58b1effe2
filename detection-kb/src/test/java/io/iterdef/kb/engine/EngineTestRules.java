package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;

import java.time.Instant;
import java.util.Map;

/**
 * A tiny rule set for the engine's own tests, independent of the rule library: a single-event rule, one without
 * suppression, a threshold and a sequence (both with {@code @window}).
 */
final class EngineTestRules {

	static final Instant T0 = Instant.parse("2026-11-17T10:00:00Z");

	static final String HOST = "ws01.corp.example.org";

	static final String SINGLE = "Bad command";

	static final String THRESHOLD = "Three steps within a minute";

	static final String SEQUENCE = "First then second within a minute";

	private static final String DRL = """
			package rules.test.engine;

			import io.iterdef.kb.event.Event;
			import java.util.List;

			global io.iterdef.kb.engine.Alerts alerts;

			rule "Bad command"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0001")
			    @severity("high")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			when
			    $e : Event( code == "1", commandLine == "bad" )
			then
			    alerts.raise(drools, $e.getHostName(), List.of($e));
			end

			rule "Loud command"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0004")
			    @severity("low")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("0")
			when
			    $e : Event( code == "1", commandLine == "loud" )
			then
			    alerts.raise(drools, $e.getHostName(), List.of($e));
			end

			rule "Three steps within a minute"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0002")
			    @severity("medium")
			    @tactic("discovery")
			    @attack("T1082")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			    @window("1m")
			when
			    $last : Event( code == "1", commandLine == "step", $h : hostName )
			    accumulate( $x : Event( code == "1", commandLine == "step", hostName == $h, this before[0s, 1m] $last );
			                $n : count( $x ), $all : collectList( $x ); $n >= 3 )
			then
			    alerts.raise(drools, $h, (List<Event>) $all);
			end

			rule "First then second within a minute"
			    @id("6f1c2a52-8a0e-4c55-9a55-4f1b1c1e0003")
			    @severity("medium")
			    @tactic("execution")
			    @attack("T1059")
			    @description("d")
			    @falsePositives("f")
			    @suppress("10m")
			    @window("1m")
			when
			    $a : Event( code == "1", commandLine == "first", $h : hostName )
			    $b : Event( code == "1", commandLine == "second", hostName == $h, this after[0s, 1m] $a )
			then
			    alerts.raise(drools, $h, List.of($a, $b));
			end
			""";

	private static RuleSet rules;

	private EngineTestRules() {
	}

	static synchronized RuleSet rules() {
		if (rules == null) {
			rules = RuleSet.compile(Map.of("rules/test/engine/engine_test.drl", DRL));
		}
		return rules;
	}

	/** A process start on {@link #HOST} at T0 + {@code millis}. */
	static Event at(long millis, String commandLine) {
		return DiscoveryReconCommandBurstTest.start(HOST, T0.plusMillis(millis), new String[] { "x.exe", commandLine });
	}

	static long s(long seconds) {
		return seconds * 1000;
	}
}
