package io.iterdef.web.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.iterdef.web.escalation.Target;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns "notify these targets about this incident" into outbox rows, in the caller's transaction. Users and
 * teams become e-mail addresses now (a team's own address, else its members'); one that has none is still
 * written, as a failed notification that says why, so the gap shows on the delivery-status page.
 */
@Component
public class Notifier {

	/** A resolved recipient, or why there is none. */
	record Recipient(String channel, String address, String error) {
	}

	private final JdbcClient jdbc;

	private final NotificationRepository outbox;

	private final ObjectMapper json;

	private final String publicUrl;

	Notifier(JdbcClient jdbc, NotificationRepository outbox, ObjectMapper json,
			@Value("${iterdef.public-url:http://127.0.0.1:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.json = json;
		this.publicUrl = publicUrl;
	}

	/**
	 * Creates one notification per recipient; {@code key} identifies the occasion (e.g. "escalation:42:r0:l1"),
	 * so calling again for the same occasion creates nothing. Returns how many were created.
	 */
	public int notify(IncidentSummary incident, String kind, Integer level, Integer round, String key,
			List<Target> targets, String reason) {
		NotificationMessages.Message message = NotificationMessages.of(incident, kind, level, round, reason, publicUrl);
		String payload = json.writeValueAsString(message.payload());
		int created = 0;
		for (Recipient r : resolve(targets)) {
			String dedupeKey = key + ":" + r.channel() + ":" + r.address();
			if (outbox.enqueue(new NotificationRepository.NewNotification(dedupeKey, incident.id(), kind, level, round,
					r.channel(), r.address(), message.subject(), message.body(), payload, r.error()))) {
				created++;
			}
		}
		return created;
	}

	List<Recipient> resolve(List<Target> targets) {
		Map<String, Recipient> recipients = new LinkedHashMap<>();
		for (Target t : targets) {
			switch (t.type()) {
				case EMAIL -> put(recipients, new Recipient("email", t.value().toLowerCase(Locale.ROOT), null));
				case WEBHOOK -> put(recipients, new Recipient("webhook", t.value(), null));
				case USER -> put(recipients, userEmail(t.value())
					.map(email -> new Recipient("email", email.toLowerCase(Locale.ROOT), null))
					.orElse(new Recipient("email", "user:" + t.value(), "user '" + t.value()
							+ "' has no e-mail address (or no longer exists): give the user one, or name an address in the policy")));
				case TEAM -> teamEmails(t.value()).forEach(r -> put(recipients, r));
			}
		}
		return List.copyOf(recipients.values());
	}

	private static void put(Map<String, Recipient> recipients, Recipient r) {
		recipients.putIfAbsent(r.channel() + ":" + r.address(), r);
	}

	private Optional<String> userEmail(String username) {
		return jdbc.sql("SELECT email FROM users WHERE username = ? AND enabled AND coalesce(email, '') <> ''")
			.param(username)
			.query(String.class)
			.optional();
	}

	private List<Recipient> teamEmails(String team) {
		Optional<String> teamEmail = jdbc.sql("SELECT coalesce(email, '') FROM teams WHERE name = ?")
			.param(team)
			.query(String.class)
			.optional();
		if (teamEmail.isPresent() && !teamEmail.get().isBlank()) {
			return List.of(new Recipient("email", teamEmail.get().toLowerCase(Locale.ROOT), null));
		}
		List<Recipient> members = new ArrayList<>();
		jdbc.sql("""
				SELECT u.email FROM team_members m JOIN users u ON u.username = m.username
				 WHERE m.team = ? AND u.enabled AND coalesce(u.email, '') <> '' ORDER BY u.username""")
			.param(team)
			.query(String.class)
			.list()
			.forEach(email -> members.add(new Recipient("email", email.toLowerCase(Locale.ROOT), null)));
		if (members.isEmpty()) {
			return List.of(new Recipient("email", "team:" + team, teamEmail.isEmpty()
					? "team '" + team + "' no longer exists: edit the policy"
					: "team '" + team + "' has no e-mail address and no member with one: set the team's address"));
		}
		return members;
	}

	/** A configured list ("soc@example.org, https://chat/hook") as targets: URLs are webhooks, the rest addresses. */
	public static List<Target> parseList(String list) {
		List<Target> targets = new ArrayList<>();
		if (list == null) {
			return targets;
		}
		for (String token : list.split("[,;\\s]+")) {
			if (token.isBlank()) {
				continue;
			}
			String lower = token.toLowerCase(Locale.ROOT);
			targets.add(new Target(lower.startsWith("http://") || lower.startsWith("https://") ? Target.Type.WEBHOOK
					: Target.Type.EMAIL, token));
		}
		return targets;
	}

}
