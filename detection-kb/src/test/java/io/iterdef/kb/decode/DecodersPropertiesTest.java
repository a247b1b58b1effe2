package io.iterdef.kb.decode;

import io.iterdef.kb.event.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property: whatever the bytes, {@link Decoders#decode} returns complete events or throws a {@link DecodeException}
 * with a non-blank reason; nothing else escapes. 4 properties x 25,000 tries = 100,000 records: the golden raw
 * records of every format mutated (bytes flipped, cut, spliced, JSON values swapped for other types, XML and syslog
 * structure broken) and random bytes, with and without a format hint.
 */
class DecodersPropertiesTest {

	static final int TRIES = 25_000;

	static final List<byte[]> SEEDS = seeds();

	static final Decoders DECODERS = Decoders.defaults(ZoneId.of("Europe/Paris"),
			Clock.fixed(Instant.parse("2026-11-17T12:00:00Z"), ZoneOffset.UTC));

	static final String[] HINTS = { null, "nxlog-json", "flat-json", "winlogbeat", "winlogbeat6", "windows-xml",
			"evtx-dump-json", "syslog", "agent-result", "no-such-format" };

	/** Refusals that are wrapped exceptions (decoder bugs); printed after each property, not failed on. */
	static final List<String> WRAPPED = new java.util.concurrent.CopyOnWriteArrayList<>();

	static final java.util.concurrent.atomic.AtomicInteger WRAPPED_COUNT = new java.util.concurrent.atomic.AtomicInteger();

	@AfterContainer
	static void reportWrappedExceptions() {
		if (WRAPPED_COUNT.get() > 0) {
			System.out.println("DecodersPropertiesTest: " + WRAPPED_COUNT.get()
					+ " refusals were exceptions a decoder let escape (wrapped by Decoders); first ones:");
			WRAPPED.forEach(m -> System.out.println("  " + m));
		}
	}

	@Property(tries = TRIES)
	void shouldOnlyRefuseWithReasonWhenGoldenRecordIsMutatedBytewise(@ForAll("byteMutations") byte[] record) {
		assertDecodesOrRefuses(record, null);
	}

	@Property(tries = TRIES)
	void shouldOnlyRefuseWithReasonWhenGoldenRecordIsMutatedStructurally(@ForAll("structuralMutations") byte[] record) {
		assertDecodesOrRefuses(record, null);
	}

	@Property(tries = TRIES)
	void shouldOnlyRefuseWithReasonWhenRecordIsRandomBytes(@ForAll("randomRecords") byte[] record) {
		assertDecodesOrRefuses(record, null);
	}

	@Property(tries = TRIES)
	void shouldOnlyRefuseWithReasonWhenAnyRecordGetsAnyHint(@ForAll("byteMutations") byte[] record,
			@ForAll("hints") String hint) {
		assertDecodesOrRefuses(record, hint);
	}

	static void assertDecodesOrRefuses(byte[] record, String hint) {
		try {
			List<Event> events = DECODERS.decode(record, hint);
			assertThat(events).isNotEmpty();
			for (Event e : events) {
				assertThat(e.getId()).hasSize(40);
				assertThat(e.getTimestamp()).isNotNull();
				if (e.fieldString("iterdef.task.id") == null) {
					assertThat(e.getCode()).isNotBlank();
				}
				else {
					// agent events (agent-result records) name their dataset; eventlog.query's are Windows events,
					// with a code, and a dataset only when their channel is one the mappings know
					assertThat(java.util.stream.Stream.of(e.getCode(), e.fieldString("event.dataset")))
						.as("event.code or event.dataset").anyMatch(v -> v != null && !v.isBlank());
				}
			}
		}
		catch (DecodeException e) {
			assertThat(e.getMessage()).as("reason").isNotBlank();
			if (e.getMessage().startsWith("decoder failed (") || e.getMessage().startsWith("ECS mapping failed (")) {
				// Decoders wrapped what a decoder or mapping let escape: callers are safe, but it is a bug to fix
				if (WRAPPED.size() < 5) {
					WRAPPED.add(e.getMessage());
				}
				WRAPPED_COUNT.incrementAndGet();
			}
		}
		catch (Throwable t) {
			fail("escaped " + t + " for hint " + hint + " and record "
					+ DecodeContext.preview(record), t);
		}
	}

	@Provide
	Arbitrary<String> hints() {
		return Arbitraries.of(HINTS);
	}

	@Provide
	Arbitrary<byte[]> byteMutations() {
		return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), Arbitraries.longs(),
				Arbitraries.integers().between(1, 6))
			.as((seed, random, count) -> Mutations.bytewise(SEEDS.get(seed), new java.util.Random(random), count));
	}

	@Provide
	Arbitrary<byte[]> structuralMutations() {
		return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), Arbitraries.longs(),
				Arbitraries.integers().between(1, 4))
			.as((seed, random, count) -> Mutations.structural(SEEDS.get(seed), new java.util.Random(random), count));
	}

	@Provide
	Arbitrary<byte[]> randomRecords() {
		Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
		Arbitrary<String> prefixes = Arbitraries.of("", "{", "[", "<", "<13>", "<34>1 ", "<Event>", "{\"EventID\":",
				"{\"winlog\":{", "{\"Event\":{\"System\":", "\uFEFF", "Nov 17 09:00:00 ");
		Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(200);
		return Arbitraries.oneOf(bytes, Combinators.combine(prefixes, text)
			.as((p, t) -> (p + t).getBytes(StandardCharsets.UTF_8)));
	}

	private static List<byte[]> seeds() {
		Path raw = Path.of("src/test/resources/raw");
		List<byte[]> seeds = new ArrayList<>();
		try (Stream<Path> files = Files.walk(raw)) {
			for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				seeds.add(Files.readAllBytes(f));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (seeds.isEmpty()) {
			throw new IllegalStateException("no golden raw records under " + raw.toAbsolutePath());
		}
		return seeds;
	}

}
