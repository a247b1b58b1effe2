package io.iterdef.kb.decode.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.FormatDecoder;
import io.iterdef.kb.decode.WinEvent;

import java.util.Arrays;
import java.util.List;

/**
 * Syslog (RFC 5424 or RFC 3164) whose MSG is a Windows event in one of the other formats: NXLog's
 * {@code $Message = to_json(); to_syslog_ietf();} (or {@code to_syslog_bsd()}), or an event's XML. The header is
 * parsed, its host and time become fallbacks, and the payload goes back through the format auto-detection. The
 * events keep the payload's id (the same event sent over TCP and over syslog has one id) and their format is
 * {@code syslog+<payload format>}. A message whose payload is not a Windows event (plain text) is refused.
 */
public final class SyslogDecoder implements FormatDecoder {

	@Override
	public String name() {
		return Decoders.SYSLOG;
	}

	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		return json == null && SyslogHeader.hasPriority(trimmed);
	}

	@Override
	public List<WinEvent> decode(byte[] trimmed, DecodeContext ctx) throws DecodeException {
		SyslogHeader header;
		try {
			header = SyslogHeader.parse(trimmed, ctx.collectorZone(), ctx.clock());
		}
		catch (DecodeException e) {
			throw DecodeContext.refuse("not a syslog message: " + e.getMessage(), trimmed, e);
		}
		byte[] payload = Arrays.copyOfRange(trimmed, header.payloadOffset(), trimmed.length);
		String from = "syslog message" + (header.host() == null ? "" : " from " + header.host())
				+ (header.app() == null ? "" : " (app " + header.app() + ")");
		int first = firstNonSpace(payload);
		if (first < 0) {
			throw DecodeContext.refuse(from + " has no payload", trimmed);
		}
		if (payload[first] != '{' && (payload[first] != '<' || SyslogHeader.hasPriority(
				Arrays.copyOfRange(payload, first, payload.length)))) {
			throw DecodeContext.refuse(from + ": the payload is not a Windows event (neither JSON nor XML)",
					Arrays.copyOfRange(payload, first, payload.length));
		}
		List<WinEvent> events;
		try {
			events = ctx.withFallbacks(header.host(), header.time()).decodeNested(payload, null);
		}
		catch (DecodeException e) {
			throw new DecodeException(from + ": the payload is not a Windows event: " + e.getMessage(), e);
		}
		for (WinEvent e : events) {
			e.format = name() + "+" + e.format;
		}
		return events;
	}

	private static int firstNonSpace(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if ((bytes[i] & 0xFF) > 0x20) {
				return i;
			}
		}
		return -1;
	}

}
