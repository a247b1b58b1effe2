package io.iterdef.web.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.FieldValue;

/**
 * The opaque page token of search_after paging: the sort values of a hit (its @timestamp in epoch millis and
 * its event.id, the tie-breaker) as base64url text. Decoding checks the exact shape, so a token changed by hand
 * is refused with a clear message and can never put anything but a number and an id into the request.
 *
 * @param timestamp the hit's @timestamp sort value (epoch millis)
 * @param eventId the hit's event.id
 */
public record PageToken(long timestamp, String eventId) {

	private static final Pattern SHAPE = Pattern.compile("(-?\\d{1,19}):([^\\x00-\\x1f]{0,200})");

	static final String INVALID = "The page link is damaged or from another version: start the search again from the first page.";

	/** The token of a hit, from its sort values ([millis, event.id]). */
	static PageToken of(List<FieldValue> sort) {
		if (sort == null || sort.size() != 2 || !sort.get(0).isLong()) {
			throw new IllegalStateException("unexpected sort values " + sort);
		}
		FieldValue id = sort.get(1);
		return new PageToken(sort.get(0).longValue(), id.isString() ? id.stringValue() : "");
	}

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((timestamp + ":" + eventId).getBytes(StandardCharsets.UTF_8));
	}

	/** The token in a page link; null or blank is no token. */
	public static PageToken decode(String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		String text;
		try {
			if (token.length() > 400) {
				throw new InvalidSearchException(INVALID);
			}
			text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSearchException(INVALID);
		}
		Matcher m = SHAPE.matcher(text);
		if (!m.matches()) {
			throw new InvalidSearchException(INVALID);
		}
		try {
			return new PageToken(Long.parseLong(m.group(1)), m.group(2));
		}
		catch (NumberFormatException ex) {
			throw new InvalidSearchException(INVALID);
		}
	}

	List<FieldValue> sortValues() {
		return List.of(FieldValue.of(timestamp), FieldValue.of(eventId));
	}

}
