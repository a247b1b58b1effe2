package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.ShipperTimes;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The event time of an NXLog record. Sysmon's UtcTime (UTC) wins; otherwise EventTime, which is local time
 * without zone: its offset is derived from Logstash's {@code @timestamp} minus NXLog's EventReceivedTime (rounded
 * to 15 minutes) when both are there, else the configured collector zone applies; a missing EventTime takes the
 * envelope's time (syslog header) when there is one.
 */
final class NxlogTime {

	private static final long QUARTER_HOUR_SECONDS = 15 * 60;

	private static final long MAX_OFFSET_SECONDS = 14 * 3600;

	private NxlogTime() {
	}

	static Instant timestamp(ObjectNode rec, String sysmonUtcTime, DecodeContext ctx, byte[] trimmed)
			throws DecodeException {
		Instant utc = ShipperTimes.utc(sysmonUtcTime);
		if (utc != null) {
			return utc;
		}
		String eventTime = NxlogDecoder.text(rec, "EventTime");
		if (eventTime == null || eventTime.isBlank()) {
			if (ctx.fallbackTime() != null) {
				return ctx.fallbackTime();
			}
			throw DecodeContext.refuse("no EventTime field: not an NXLog im_msvistalog record", trimmed);
		}
		Instant zoned = ShipperTimes.zoned(eventTime); // NXLog EE may send ISO with an offset
		if (zoned != null) {
			return zoned;
		}
		LocalDateTime local = ShipperTimes.localDateTime(eventTime);
		if (local == null) {
			throw DecodeContext.refuse("EventTime is not a time: " + NxlogDecoder.abbreviate(eventTime), trimmed);
		}
		ZoneOffset derived = senderOffset(rec);
		try {
			return derived != null ? local.toInstant(derived) : local.atZone(ctx.collectorZone()).toInstant();
		}
		catch (DateTimeException e) {
			throw DecodeContext.refuse("EventTime out of range: " + NxlogDecoder.abbreviate(eventTime), trimmed);
		}
	}

	/** The sender's UTC offset from Logstash's @timestamp and NXLog's EventReceivedTime, or null. */
	private static ZoneOffset senderOffset(ObjectNode rec) {
		Instant utc = ShipperTimes.zoned(NxlogDecoder.text(rec, "@timestamp"));
		if (utc == null) {
			return null;
		}
		Instant localAsUtc = ShipperTimes.utc(NxlogDecoder.text(rec, "EventReceivedTime"));
		if (localAsUtc == null) {
			return null;
		}
		long seconds = Duration.between(utc, localAsUtc).getSeconds();
		long rounded = Math.round((double) seconds / QUARTER_HOUR_SECONDS) * QUARTER_HOUR_SECONDS;
		if (Math.abs(rounded) > MAX_OFFSET_SECONDS) {
			return null;
		}
		return ZoneOffset.ofTotalSeconds((int) rounded);
	}

}
