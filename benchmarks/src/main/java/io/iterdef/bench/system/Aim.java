package io.iterdef.bench.system;

/**
 * One of the aims, checked on figures of the same run: a ratio to a baseline ({@code indexer / plain bulk
 * loop >= 0.8}) or a bound ({@code p99 event to alert <= 1000 ms}).
 *
 * @param what     what is compared, in words
 * @param actual   the ratio or the value
 * @param atLeast  true: met when actual >= target; false: met when actual <= target
 * @param target   the aim
 * @param unit     "" for a ratio, else the unit of a bound
 */
public record Aim(String what, double actual, boolean atLeast, double target, String unit) {

	public static Aim ratioAtLeast(String what, double numerator, double denominator, double target) {
		return new Aim(what, numerator / denominator, true, target, "");
	}

	public static Aim atMost(String what, double actual, double target, String unit) {
		return new Aim(what, actual, false, target, unit);
	}

	public boolean met() {
		return Double.isFinite(actual) && (atLeast ? actual >= target : actual <= target);
	}
}
