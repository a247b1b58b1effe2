package io.iterdef.kb.decode.xml;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.TimeFastPaths;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * System/TimeCreated/@SystemTime as renderers write it, always UTC: Windows ({@code 2019-07-18T03:34:02.025223900Z},
 * 7 to 9 fractional digits), libevtx (9 digits), evtx_dump ({@code 2021-04-22T22:09:26.163884Z}), python-evtx
 * ({@code 2016-09-19 16:50:06.477878}, no zone: UTC) and an explicit offset.
 */
public final class SystemTimes {

	private SystemTimes() {
	}

	public static Instant parse(String systemTime) throws DecodeException {
		String t = systemTime.trim();
		try {
			Instant fast = TimeFastPaths.utc(t);
			if (fast != null) {
				return fast;
			}
			if (t.endsWith("Z") || t.endsWith("z")) {
				return Instant.parse(t.substring(0, t.length() - 1).replace(' ', 'T') + "Z");
			}
			if (t.endsWith(" UTC")) {
				t = t.substring(0, t.length() - 4);
			}
			t = t.replace(' ', 'T');
			int tee = t.indexOf('T');
			if (tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0)) {
				return OffsetDateTime.parse(t).toInstant();
			}
			return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			throw new DecodeException("TimeCreated/@SystemTime is not a time: '" + systemTime + "'");
		}
	}

}
