package io.iterdef.web.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsTest {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	};

	private final LoginAttempts attempts = new LoginAttempts(3, Duration.ofMinutes(1), clock);

	@Test
	void shouldLockAfterMaxFailuresInARowAndUnlockAfterTheLockTime() {
		attempts.failed("Alice");
		attempts.failed("alice");
		assertThat(attempts.isLocked("alice")).isFalse();

		attempts.failed("ALICE");
		assertThat(attempts.isLocked("alice")).isTrue();
		assertThat(attempts.isLocked("bob")).isFalse();

		now = now.plusSeconds(59);
		assertThat(attempts.isLocked("alice")).isTrue();
		now = now.plusSeconds(1);
		assertThat(attempts.isLocked("alice")).isFalse();
	}

	@Test
	void shouldCountAgainFromOneAfterALockHasEnded() {
		for (int i = 0; i < 3; i++) {
			attempts.failed("alice");
		}
		now = now.plusSeconds(61);

		attempts.failed("alice");

		assertThat(attempts.isLocked("alice")).isFalse();
	}

	@Test
	void shouldForgetFailuresWhenLoginSucceeds() {
		attempts.failed("alice");
		attempts.failed("alice");
		attempts.succeeded("alice");
		attempts.failed("alice");

		assertThat(attempts.isLocked("alice")).isFalse();
	}

}
