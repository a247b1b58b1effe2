package io.iterdef.web.escalation;

import java.util.Locale;

/** Who an escalation level notifies: a user (their e-mail), a team, an e-mail address, or a webhook URL. */
public record Target(Type type, String value) {

	public enum Type {

		USER, TEAM, EMAIL, WEBHOOK;

		public String dbValue() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Type fromDb(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/** As typed on the policy form: {@code user:alice}, {@code team:soc}, an address, or a URL. */
	public String display() {
		return switch (type) {
			case USER -> "user:" + value;
			case TEAM -> "team:" + value;
			default -> value;
		};
	}

}
