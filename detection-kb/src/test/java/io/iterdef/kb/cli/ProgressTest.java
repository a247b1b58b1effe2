package io.iterdef.kb.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

	final AtomicLong clock = new AtomicLong();

	final StringWriter err = new StringWriter();

	Progress progress(Progress.Mode mode) {
		return new Progress(new PrintWriter(err), mode, Duration.ofSeconds(2), clock::get);
	}

	@Test
	void shouldStayQuietWhenTheRunIsShorterThanTheInterval() {
		Progress p = progress(Progress.Mode.auto);
		p.start("reading", "bytes", 10L << 20);
		clock.addAndGet(Duration.ofMillis(1999).toNanos());
		p.update(5L << 20, null);
		assertThat(err.toString()).isEmpty();
	}

	@Test
	void shouldPrintDoneTotalRateAndTimeLeftOncePerInterval() {
		Progress p = progress(Progress.Mode.auto);
		p.start("rules", "events", 1_000_000);
		clock.addAndGet(Duration.ofSeconds(2).toNanos());
		p.update(250_000, null);
		clock.addAndGet(Duration.ofSeconds(1).toNanos());
		p.update(300_000, null);
		assertThat(err.toString().lines()).containsExactly(
				"rules: 250,000 events of 1,000,000 events (25%), 125,000 events/s, ~6s left");
	}

	@Test
	void shouldShowBytesInMegabytesWithDetail() {
		Progress p = progress(Progress.Mode.auto);
		p.start("reading", "bytes", 100L << 20);
		clock.addAndGet(Duration.ofSeconds(4).toNanos());
		p.update(40L << 20, "12,345 events");
		assertThat(err.toString().lines()).containsExactly(
				"reading: 40.0 MB of 100.0 MB (40%), 12,345 events, 10.0 MB/s, ~6s left");
	}

	@Test
	void shouldPrintNothingWhenNever() {
		Progress p = progress(Progress.Mode.never);
		p.start("reading", "bytes", 0);
		clock.addAndGet(Duration.ofMinutes(1).toNanos());
		p.update(1, null);
		assertThat(err.toString()).isEmpty();
	}
}
