package io.iterdef.kb.decode.syslog;

import io.iterdef.kb.decode.DecodeException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A syslog message's header: RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD [BOM]MSG}) or RFC 3164
 * ({@code <PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG}), as NXLog's xm_syslog {@code to_syslog_ietf()} and
 * {@code to_syslog_bsd()} write them. A nil value ("-") is null. The 3164 time has no year and no zone: it is read
 * in the collector's zone, in the year that does not put it more than a day in the future.
 * @param payloadOffset where MSG starts in the message bytes (after a UTF-8 BOM)
 */
record SyslogHeader(int priority, boolean rfc5424, Instant time, String host, String app, String procId,
		String msgId, String structuredData, int payloadOffset) {

	private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
			"Oct", "Nov", "Dec");

	/** True when the message starts with a syslog priority, {@code <0>} to {@code <191>}. */
	static boolean hasPriority(byte[] msg) {
		int i = 1;
		while (i < msg.length && i <= 4 && msg[i] >= '0' && msg[i] <= '9') {
			i++;
		}
		return msg.length > 2 && msg[0] == '<' && i > 1 && i < msg.length && msg[i] == '>';
	}

	static SyslogHeader parse(byte[] msg, ZoneId zone, Clock clock) throws DecodeException {
		if (!hasPriority(msg)) {
			throw new DecodeException("no syslog <PRI> at the start");
		}
		Cursor c = new Cursor(msg);
		c.pos = 1;
		int pri = Integer.parseInt(c.until('>'));
		if (pri > 191) {
			throw new DecodeException("syslog priority out of range: <" + pri + ">");
		}
		c.pos++;
		if (c.startsWith("1 ")) {
			c.pos += 2;
			return rfc5424(pri, c);
		}
		return rfc3164(pri, c, zone, clock);
	}

	private static SyslogHeader rfc5424(int pri, Cursor c) throws DecodeException {
		String stamp = c.token("TIMESTAMP");
		Instant time = null;
		if (!"-".equals(stamp)) {
			try {
				time = OffsetDateTime.parse(stamp).toInstant();
			}
			catch (DateTimeException e) {
				throw new DecodeException("RFC 5424 TIMESTAMP is not a time: '" + stamp + "'");
			}
		}
		String host = nil(c.token("HOSTNAME"));
		String app = nil(c.token("APP-NAME"));
		String procId = nil(c.token("PROCID"));
		String msgId = nil(c.token("MSGID"));
		String sd = c.structuredData();
		if (c.pos < c.msg.length && c.msg[c.pos] == ' ') {
			c.pos++;
		}
		c.skipBom();
		return new SyslogHeader(pri, true, time, host, app, procId, msgId, sd, c.pos);
	}

	private static SyslogHeader rfc3164(int pri, Cursor c, ZoneId zone, Clock clock) throws DecodeException {
		if (c.msg.length - c.pos < 16 || c.msg[c.pos + 3] != ' ' || c.msg[c.pos + 6] != ' '
				|| c.msg[c.pos + 15] != ' ') {
			throw new DecodeException("neither an RFC 5424 header ('<PRI>1 ') nor an RFC 3164 timestamp "
					+ "('<PRI>Mmm dd hh:mm:ss ')");
		}
		String stamp = new String(c.msg, c.pos, 15, StandardCharsets.US_ASCII);
		int month = MONTHS.indexOf(stamp.substring(0, 3)) + 1;
		Instant time;
		try {
			int day = Integer.parseInt(stamp.substring(4, 6).trim());
			String[] hms = stamp.substring(7).split(":");
			ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
			LocalDateTime local = LocalDateTime.of(now.getYear(), month, day, Integer.parseInt(hms[0]),
					Integer.parseInt(hms[1]), Integer.parseInt(hms[2]));
			ZonedDateTime at = local.atZone(zone);
			time = (at.isAfter(now.plusDays(1)) ? at.minusYears(1) : at).toInstant();
		}
		catch (DateTimeException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
			throw new DecodeException("RFC 3164 TIMESTAMP is not 'Mmm dd hh:mm:ss': '" + stamp + "'");
		}
		c.pos += 16;
		String host = c.token("HOSTNAME");
		int start = c.pos;
		String app = null;
		String procId = null;
		// The TAG ends at the first ": ", found in the bytes: re-encoding decoded text would shift the offset
		// whenever the TAG holds bytes that are not valid UTF-8.
		int colon = indexOf(c.msg, start, (byte) ':', (byte) ' ');
		boolean payloadFirst = start < c.msg.length && (c.msg[start] == '{' || c.msg[start] == '<');
		if (!payloadFirst && colon > start) {
			String tag = new String(c.msg, start, colon - start, StandardCharsets.UTF_8);
			int bracket = tag.indexOf('[');
			if (bracket > 0 && tag.endsWith("]")) {
				procId = tag.substring(bracket + 1, tag.length() - 1);
				tag = tag.substring(0, bracket);
			}
			app = tag;
			c.pos = colon + 2;
		}
		c.skipBom();
		return new SyslogHeader(pri, false, time, host, app, procId, null, null, c.pos);
	}

	private static int indexOf(byte[] bytes, int from, byte first, byte second) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == first && bytes[i + 1] == second) {
				return i;
			}
		}
		return -1;
	}

	private static String nil(String value) {
		return "-".equals(value) ? null : value;
	}

	/** Reads the message bytes left to right. */
	private static final class Cursor {

		final byte[] msg;

		int pos;

		Cursor(byte[] msg) {
			this.msg = msg;
		}

		boolean startsWith(String s) {
			if (msg.length - pos < s.length()) {
				return false;
			}
			for (int i = 0; i < s.length(); i++) {
				if (msg[pos + i] != s.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		String until(char end) {
			int from = pos;
			while (pos < msg.length && msg[pos] != end) {
				pos++;
			}
			return new String(msg, from, pos - from, StandardCharsets.UTF_8);
		}

		/** A space-terminated header field (the space consumed); refuses an empty one or the end of the message. */
		String token(String field) throws DecodeException {
			int from = pos;
			while (pos < msg.length && msg[pos] != ' ') {
				pos++;
			}
			if (pos == from || pos == msg.length) {
				throw new DecodeException("syslog header cut short at " + field);
			}
			String value = new String(msg, from, pos - from, StandardCharsets.UTF_8);
			pos++;
			return value;
		}

		/** "-" or one or more [SD-ID param="value" ...] elements, escapes (\" \\ \]) respected; returned as sent. */
		String structuredData() throws DecodeException {
			int from = pos;
			if (pos < msg.length && msg[pos] == '-') {
				pos++;
				return null;
			}
			while (pos < msg.length && msg[pos] == '[') {
				boolean quoted = false;
				pos++;
				while (true) {
					if (pos >= msg.length) {
						throw new DecodeException("RFC 5424 STRUCTURED-DATA is not closed");
					}
					byte b = msg[pos++];
					if (quoted && b == '\\' && pos < msg.length) {
						pos++;
					}
					else if (b == '"') {
						quoted = !quoted;
					}
					else if (b == ']' && !quoted) {
						break;
					}
				}
			}
			if (pos == from) {
				throw new DecodeException("RFC 5424 STRUCTURED-DATA is neither '-' nor '[...]'");
			}
			return new String(msg, from, pos - from, StandardCharsets.UTF_8);
		}

		void skipBom() {
			if (msg.length - pos >= 3 && (msg[pos] & 0xFF) == 0xEF && (msg[pos + 1] & 0xFF) == 0xBB
					&& (msg[pos + 2] & 0xFF) == 0xBF) {
				pos += 3;
			}
		}

	}

}
