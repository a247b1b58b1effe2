package io.iterdef.bench.system.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A time as the shipper writes it, in UTC: NXLog's EventTime ({@code 2026-11-29 07:12:03}) and Sysmon's UtcTime
 * ({@code 2026-11-29 07:12:03.118}). The text of the last second is kept: a sender asks for the same second thousands
 * of times. One per sending thread (not thread-safe).
 */
final class TimeText {
	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneOffset.UTC);

	private long second = Long.MIN_VALUE;

	private long milli = Long.MIN_VALUE;

	private byte[] secondsText;

	private final byte[] millisText = new byte[23];

	/** Sets the time (epoch milliseconds). */
	TimeText at(long epochMillis) {
		long s = Math.floorDiv(epochMillis, 1000);
		if (s != second) {
			second = s;
			secondsText = SECONDS.format(Instant.ofEpochSecond(s)).getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(secondsText, 0, millisText, 0, 19);
			millisText[19] = '.';
			milli = Long.MIN_VALUE;
		}
		if (epochMillis != milli) {
			milli = epochMillis;
			int ms = (int) Math.floorMod(epochMillis, 1000);
			millisText[20] = (byte) ('0' + ms / 100);
			millisText[21] = (byte) ('0' + ms / 10 % 10);
			millisText[22] = (byte) ('0' + ms % 10);
		}
		return this;
	}

	/** {@code yyyy-MM-dd HH:mm:ss} (the array is reused: write it, do not keep it). */
	byte[] seconds() {
		return secondsText;
	}

	/** {@code yyyy-MM-dd HH:mm:ss.SSS} (the array is reused: write it, do not keep it). */
	byte[] millis() {
		return millisText;
	}
}
