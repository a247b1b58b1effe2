package io.iterdef.web.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Login throttling, in memory per instance: after {@code iterdef.login.max-failures} (default 10) wrong
 * passwords in a row for a username, that username cannot log in for {@code iterdef.login.lock} (default
 * 1m), even with the right password. A successful login clears the count. Each instance counts on its own,
 * and a restart forgets the counts.
 */
@Component
public class LoginAttempts {

	private record Failures(int count, Instant lockedUntil) {
	}

	private static final int MAX_TRACKED = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration lock;

	private final Clock clock;

	@Autowired
	LoginAttempts(@Value("${iterdef.login.max-failures:10}") int maxFailures,
			@Value("${iterdef.login.lock:1m}") Duration lock) {
		this(maxFailures, lock, Clock.systemUTC());
	}

	LoginAttempts(int maxFailures, Duration lock, Clock clock) {
		this.maxFailures = maxFailures;
		this.lock = lock;
		this.clock = clock;
	}

	public boolean isLocked(String username) {
		Failures f = failures.get(key(username));
		return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
	}

	void failed(String username) {
		if (failures.size() >= MAX_TRACKED) {
			// Bounded memory under a spray of random usernames: forget the old counts.
			failures.clear();
		}
		Instant now = clock.instant();
		failures.compute(key(username), (k, f) -> {
			int count = (f == null || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()))) ? 1 : f.count() + 1;
			return new Failures(count, count >= maxFailures ? now.plus(lock) : null);
		});
	}

	void succeeded(String username) {
		failures.remove(key(username));
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		failed(event.getAuthentication().getName());
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName());
	}

	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

}
