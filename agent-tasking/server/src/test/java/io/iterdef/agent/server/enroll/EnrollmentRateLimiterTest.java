package io.iterdef.agent.server.enroll;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentRateLimiterTest {

	private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(now.get());
		}
	};

	@Test
	void shouldRefuseTheAttemptOverTheLimitWithTheSecondsUntilTheOldestLeaves() {
		EnrollmentRateLimiter limiter = new EnrollmentRateLimiter(3, clock);
		assertThat(limiter.attempt("10.0.0.1")).isEmpty();
		now.addAndGet(20_000);
		assertThat(limiter.attempt("10.0.0.1")).isEmpty();
		assertThat(limiter.attempt("10.0.0.1")).isEmpty();

		assertThat(limiter.attempt("10.0.0.1")).hasValue(40);
		assertThat(limiter.attempt("10.0.0.2")).as("another address").isEmpty();
	}

	@Test
	void shouldAllowAgainWhenTheWindowMovedOn() {
		EnrollmentRateLimiter limiter = new EnrollmentRateLimiter(1, clock);
		assertThat(limiter.attempt("a")).isEmpty();
		now.addAndGet(59_999);
		assertThat(limiter.attempt("a")).hasValue(1);
		now.addAndGet(1);
		assertThat(limiter.attempt("a")).isEmpty();
	}

	@Test
	void shouldRefuseALimitBelowOne() {
		assertThatThrownBy(() -> new EnrollmentRateLimiter(0, clock)).hasMessageContaining("ITERDEF_AGENT_ENROLL_PER_MINUTE");
	}

}
