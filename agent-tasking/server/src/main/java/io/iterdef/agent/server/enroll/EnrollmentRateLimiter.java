package io.iterdef.agent.server.enroll;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code perMinute} enrollment attempts per source address in any sliding minute (in this instance's
 * memory). A refused attempt is told how many seconds until the oldest one leaves the window.
 */
@Component
public class EnrollmentRateLimiter {

	private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

	/** Bound on tracked addresses; past it, the quietest ones are dropped first. */
	private static final int MAX_ADDRESSES = 10_000;

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Deque<Long>> attempts = new HashMap<>();

	@Autowired
	EnrollmentRateLimiter(@Value("${iterdef.agent.enroll-per-minute:10}") int perMinute) {
		this(perMinute, Clock.systemUTC());
	}

	EnrollmentRateLimiter(int perMinute, Clock clock) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("ITERDEF_AGENT_ENROLL_PER_MINUTE must be at least 1, not " + perMinute);
		}
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/** Counts an attempt: empty when allowed, else the seconds to wait (Retry-After). */
	synchronized OptionalLong attempt(String address) {
		long now = clock.millis();
		Deque<Long> times = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
		while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
			times.pollFirst();
		}
		if (times.size() >= perMinute) {
			long waitMillis = times.peekFirst() + WINDOW_MILLIS - now;
			return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
		}
		times.addLast(now);
		if (attempts.size() > MAX_ADDRESSES) {
			evict(now);
		}
		return OptionalLong.empty();
	}

	/** Forgets every address (tests that enroll many agents from one address). */
	public synchronized void clear() {
		attempts.clear();
	}

	private void evict(long now) {
		Iterator<Deque<Long>> it = attempts.values().iterator();
		while (it.hasNext()) {
			Deque<Long> times = it.next();
			if (times.isEmpty() || times.peekLast() <= now - WINDOW_MILLIS) {
				it.remove();
			}
		}
		if (attempts.size() > MAX_ADDRESSES) {
			attempts.clear();
		}
	}

}
