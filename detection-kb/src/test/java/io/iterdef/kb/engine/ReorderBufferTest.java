package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderBufferTest {

	static final Instant T0 = Instant.parse("2026-11-17T10:00:00Z");

	static Event at(long seconds, String cmd) {
		return DiscoveryReconCommandBurstTest.start("h", T0.plusSeconds(seconds), new String[] { "x.exe", cmd });
	}

	@Test
	void shouldReleaseInTimeOrderWhenOlderThanGrace() {
		ReorderBuffer buffer = new ReorderBuffer(Duration.ofSeconds(5));
		List<Event> out = new ArrayList<>();
		out.addAll(buffer.add(at(3, "c")));
		out.addAll(buffer.add(at(1, "a")));
		out.addAll(buffer.add(at(2, "b")));
		assertThat(out).isEmpty();
		assertThat(buffer.size()).isEqualTo(3);
		out.addAll(buffer.add(at(7, "d")));
		assertThat(out).extracting(Event::getCommandLine).containsExactly("a", "b");
		out.addAll(buffer.flushAll());
		assertThat(out).extracting(Event::getCommandLine).containsExactly("a", "b", "c", "d");
		assertThat(buffer.size()).isZero();
	}

	@Test
	void shouldReleaseImmediatelyWhenGraceIsZero() {
		ReorderBuffer buffer = new ReorderBuffer(Duration.ZERO);
		assertThat(buffer.add(at(1, "a"))).hasSize(1);
	}
}
