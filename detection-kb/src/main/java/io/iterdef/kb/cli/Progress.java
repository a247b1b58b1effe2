package io.iterdef.kb.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress lines on stderr for long offline runs: the phase, how far it is (with a percentage when the total is
 * known), the rate, and an estimate of the time left. Lines, not a carriage-return spinner, because stderr is often a
 * file. In {@code auto} mode the first line comes only after {@link #DEFAULT_INTERVAL}, so small inputs stay quiet.
 */
public final class Progress {

	public enum Mode {
		auto, always, never
	}

	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

	private final PrintWriter err;

	private final Mode mode;

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private String phase;

	private String unit;

	private long total;

	private long phaseStart;

	private long lastPrint;

	Progress(PrintWriter err, Mode mode, Duration interval, LongSupplier nanoTime) {
		this.err = err;
		this.mode = mode;
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
	}

	public static Progress of(PrintWriter err, Mode mode) {
		return new Progress(err, mode, mode == Mode.always ? Duration.ZERO : DEFAULT_INTERVAL, System::nanoTime);
	}

	/** Starts a phase ("reading", "rules") counting {@code unit}s up to {@code total} (0 when unknown). */
	public void start(String phase, String unit, long total) {
		this.phase = phase;
		this.unit = unit;
		this.total = total;
		this.phaseStart = nanoTime.getAsLong();
		this.lastPrint = phaseStart;
	}

	/** Reports {@code done} units of the current phase; prints when an interval has passed since the last line. */
	public void update(long done, String detail) {
		if (mode == Mode.never) {
			return;
		}
		long now = nanoTime.getAsLong();
		if (now - lastPrint < intervalNanos || (mode == Mode.auto && now == phaseStart)) {
			return;
		}
		lastPrint = now;
		err.println(line(done, now - phaseStart, detail));
		err.flush();
	}

	String line(long done, long elapsedNanos, String detail) {
		StringBuilder b = new StringBuilder(phase).append(": ").append(amount(done));
		if (total > 0) {
			b.append(" of ").append(amount(total)).append(String.format(" (%d%%)", Math.min(100, done * 100 / total)));
		}
		double seconds = elapsedNanos / 1e9;
		double rate = seconds > 0 ? done / seconds : 0;
		if (detail != null) {
			b.append(", ").append(detail);
		}
		if (rate > 0) {
			b.append(", ").append(amount((long) rate)).append("/s");
			if (total > done) {
				b.append(String.format(", ~%ds left", Math.round((total - done) / rate)));
			}
		}
		return b.toString();
	}

	private String amount(long n) {
		if (!"bytes".equals(unit)) {
			return String.format("%,d %s", n, unit);
		}
		if (n >= 1L << 30) {
			return String.format("%.1f GB", n / (double) (1L << 30));
		}
		if (n >= 1L << 20) {
			return String.format("%.1f MB", n / (double) (1L << 20));
		}
		return String.format("%,d KB", n >> 10);
	}
}
