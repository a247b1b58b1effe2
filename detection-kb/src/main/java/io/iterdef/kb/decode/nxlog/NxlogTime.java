package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The event time of an NXLog record. Sysmon's UtcTime (UTC) wins; otherwise EventTime, which is local time
 * without zone: its offset is derived from Logstash's {@code @timestamp} minus NXLog's EventReceivedTime (rounded
 * to 15 minutes) when both are there, else the configured collector zone applies.
 */
final class NxlogTime {

	private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
		.optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
		.appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd().toFormatter();

	private static final long QUARTER_HOUR_SECONDS = 15 * 60;

	private static final long MAX_OFFSET_SECONDS = 14 * 3600;

	private final ZoneId collectorZone;

	NxlogTime(ZoneId collectorZone) {
		this.collectorZone = collectorZone;
	}

	Instant timestamp(ObjectNode rec, String sysmonUtcTime) throws DecodeException {
		if (sysmonUtcTime != null) {
			try {
				return LocalDateTime.parse(sysmonUtcTime.trim(), LOCAL).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException e) {
				// fall through to EventTime
			}
		}
		String eventTime = NxlogDecoder.text(rec, "EventTime");
		if (eventTime == null || eventTime.isBlank()) {
			throw new DecodeException("no EventTime field: not an NXLog im_msvistalog record");
		}
		try {
			return OffsetDateTime.parse(eventTime.trim()).toInstant(); // NXLog EE may send ISO with an offset
		}
		catch (DateTimeParseException e) {
			// local time without zone, the usual case
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(eventTime.trim(), LOCAL);
		}
		catch (DateTimeParseException e) {
			throw new DecodeException("EventTime is not a time: " + eventTime);
		}
		ZoneOffset derived = senderOffset(rec);
		return derived != null ? local.toInstant(derived) : local.atZone(collectorZone).toInstant();
	}

	/** The sender's UTC offset from Logstash's @timestamp and NXLog's EventReceivedTime, or null. */
	private static ZoneOffset senderOffset(ObjectNode rec) {
		String received = NxlogDecoder.text(rec, "EventReceivedTime");
		String logstash = NxlogDecoder.text(rec, "@timestamp");
		if (received == null || logstash == null) {
			return null;
		}
		try {
			Instant utc = Instant.parse(logstash.trim());
			Instant localAsUtc = LocalDateTime.parse(received.trim(), LOCAL).toInstant(ZoneOffset.UTC);
			long seconds = Duration.between(utc, localAsUtc).getSeconds();
			long rounded = Math.round((double) seconds / QUARTER_HOUR_SECONDS) * QUARTER_HOUR_SECONDS;
			if (Math.abs(rounded) > MAX_OFFSET_SECONDS) {
				return null;
			}
			return ZoneOffset.ofTotalSeconds((int) rounded);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
