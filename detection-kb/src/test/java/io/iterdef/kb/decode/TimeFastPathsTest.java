package io.iterdef.kb.decode;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast paths agree with the formatters they stand in for, and leave every edge case to them. */
class TimeFastPathsTest {

	@Test
	void commonShapesTakeTheFastPath() {
		assertEquals(LocalDateTime.of(2020, 10, 18, 7, 50, 6, 220_000_000),
				TimeFastPaths.local("2020-10-18 07:50:06.220"));
		assertEquals(LocalDateTime.of(2020, 10, 18, 7, 50, 6), TimeFastPaths.local("2020-10-18T07:50:06"));
		assertEquals(Instant.parse("2023-08-15T05:34:00.346Z"), TimeFastPaths.utc("2023-08-15T05:34:00.346Z"));
		assertEquals(Instant.parse("2019-07-18T03:34:02.025223900Z"),
				TimeFastPaths.utc("2019-07-18T03:34:02.0252239Z"));
		assertEquals(Instant.parse("2024-02-29T23:59:59Z"), TimeFastPaths.utc("2024-02-29T23:59:59Z"));
	}

	@Test
	void edgeCasesAreLeftToTheFormatters() {
		for (String t : List.of("2023-02-29 00:00:00", "2020-04-31 00:00:00", "2020-10-18 24:00:00",
				"2016-12-31 23:59:60", "0000-01-01 00:00:00", "2020-10-18 07:50:06.", "2020-10-18 07:50:06.1234567890",
				"+2020-10-18 07:50:06", "2020-10-1807:50:06", "2020-10-18 T07:50:06", "2020-1-18 07:50:06",
				"2020-10-18 07:50", "20201-10-18 07:50:06", "2020-10-18 07:50:06,5", "2020-10-18t07:50:06")) {
			assertNull(TimeFastPaths.local(t), t);
			assertNull(TimeFastPaths.utc(t.replace(' ', 'T') + "Z"), t);
		}
		assertNull(TimeFastPaths.utc("2020-10-18T07:50:06z"));
		assertNull(TimeFastPaths.utc("2020-10-18T07:50:06+00:00"));
		assertNull(TimeFastPaths.utc("2020-10-18 07:50:06Z"));
	}

	/** Random texts near the shape: whatever the fast path accepts, the formatter parses to the same value. */
	@Test
	void agreesWithTheFormatters() {
		Random random = new Random(42);
		String alphabet = "0123456789012345678901234567890123456789-: T.Zz+";
		List<String> samples = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			StringBuilder sb = new StringBuilder(String.format("%04d-%02d-%02d%c%02d:%02d:%02d", random.nextInt(10000),
					random.nextInt(14), random.nextInt(33), random.nextBoolean() ? 'T' : ' ', random.nextInt(25),
					random.nextInt(61), random.nextInt(61)));
			if (random.nextBoolean()) {
				sb.append('.').append(String.valueOf(random.nextLong() & Long.MAX_VALUE), 0, random.nextInt(11));
			}
			for (int m = random.nextInt(3); m > 0; m--) { // mutate a character now and then
				sb.setCharAt(random.nextInt(sb.length()), alphabet.charAt(random.nextInt(alphabet.length())));
			}
			samples.add(sb.toString());
		}
		int fast = 0;
		for (String t : samples) {
			LocalDateTime local = TimeFastPaths.local(t);
			if (local != null) {
				fast++;
				assertEquals(LocalDateTime.parse(t, ShipperTimes.LOCAL), local, t);
			}
			String z = t + "Z";
			Instant utc = TimeFastPaths.utc(z);
			if (utc != null) {
				assertEquals(OffsetDateTime.parse(z).toInstant(), utc, z);
				assertEquals(Instant.parse(z), utc, z);
			}
		}
		assertTrue(fast > 1000, "the fast path was taken " + fast + " times");
	}

	/** format writes what Instant.toString writes, whatever the fraction and year. */
	@Test
	void formatsAsInstantToString() {
		List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
				Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
				Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
				Instant.parse("2023-08-15T05:34:00Z"), Instant.parse("2023-08-15T05:34:00.300Z"),
				Instant.parse("2023-08-15T05:34:00.000300Z"), Instant.parse("2023-08-15T05:34:00.000000300Z"),
				Instant.parse("2024-02-29T23:59:59.010Z"), Instant.parse("1969-12-31T23:59:59.999Z")));
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			long seconds = random.nextLong() % 400_000_000_000L;
			int nano = switch (random.nextInt(4)) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			instants.add(Instant.ofEpochSecond(seconds, nano));
		}
		for (Instant t : instants) {
			assertEquals(t.toString(), TimeFastPaths.format(t));
		}
	}

}
