package io.iterdef.bench.system;

/**
 * One figure of a system benchmark: {@code pipeline / sustained / 12,345 events/s}. Rates are medians of the
 * repetitions of one run; latencies are percentiles of one HdrHistogram.
 *
 * @param benchmark the benchmark's name (B0, indexer, ...)
 * @param metric    what was measured (producer rate, p99 event to alert, ...)
 * @param value     the figure
 * @param unit      its unit (records/s, ms, MiB, ...)
 */
public record Measurement(String benchmark, String metric, double value, String unit) {
}
