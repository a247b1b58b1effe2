package io.iterdef.kb.decode.ecs.mapping.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * user.*, user.target.*, user.effective.* and group.* of Security events, following Elastic's security pipeline:
 * the subject (SubjectUserSid/Name/DomainName) is the user of most events; for logons and logoffs the target account
 * is (TargetUserSid/Name/DomainName, a "user@REALM" name cut at the @); the account an administrator acted on is
 * user.target; the member added to a group is user.target (from MemberName's CN, or MemberSid) and the group is group.*.
 */
final class SecurityUsers {

	/** The rendered message's subject lines ("\tAccount Name:\tAdministrator"), compiled once. */
	private static final Pattern ACCOUNT_NAME = Pattern.compile("(?m)^\\s*Account Name:[ \\t]*(.*?)\\s*$");

	private static final Pattern DOMAIN_NAME = Pattern.compile("(?m)^\\s*Domain Name:[ \\t]*(.*?)\\s*$");

	private static final Pattern SECURITY_ID = Pattern.compile("(?m)^\\s*Security ID:[ \\t]*(.*?)\\s*$");

	private SecurityUsers() {
	}

	/** user.* from the subject (also the UserData of 1102, which uses the same names). */
	static void subject(WinEvent e, ObjectNode ecs) {
		put(ecs, "user.id", sid(e.data("SubjectUserSid")));
		put(ecs, "user.name", trimmed(e.data("SubjectUserName")));
		put(ecs, "user.domain", trimmed(e.data("SubjectDomainName")));
	}

	/**
	 * 1102 (the audit log was cleared): user.* from the subject of the UserData; when the shipper sent no UserData
	 * (NXLog), from the rendered message's "Subject:" lines ("Account Name:", "Domain Name:", and "Security ID:" when
	 * it is a SID rather than the resolved name).
	 */
	static void logCleared(WinEvent e, ObjectNode ecs) {
		subject(e, ecs);
		if (e.message == null || trimmed(e.data("SubjectUserName")) != null) {
			return;
		}
		put(ecs, "user.name", messageLine(ACCOUNT_NAME, e.message));
		put(ecs, "user.domain", messageLine(DOMAIN_NAME, e.message));
		String sid = messageLine(SECURITY_ID, e.message);
		if (sid != null && sid.startsWith("S-1-") && trimmed(e.data("SubjectUserSid")) == null) {
			put(ecs, "user.id", sid);
		}
	}

	/** The value of the first message line the pattern matches (group 1, trimmed); null when none. */
	private static String messageLine(Pattern line, String message) {
		Matcher m = line.matcher(message);
		return m.find() ? trimmed(m.group(1)) : null;
	}

	/** user.* from the target account ("Copy Target User": 4624, 4625, 4634, 4647, 4768, 4769, 4771, 4776). */
	static void targetAsUser(WinEvent e, ObjectNode ecs) {
		String sid = sid(e.data("TargetUserSid"));
		put(ecs, "user.id", sid != null ? sid : sid(e.data("TargetSid")));
		put(ecs, "user.name", beforeAt(e.data("TargetUserName")));
		put(ecs, "user.domain", trimmed(e.data("TargetDomainName")));
	}

	/** The subject as user.*, the account acted on as user.target.* (4720, 4722, 4724). */
	static void account(WinEvent e, ObjectNode ecs) {
		subject(e, ecs);
		put(ecs, "user.target.id", sid(e.data("TargetSid")));
		put(ecs, "user.target.name", beforeAt(e.data("TargetUserName")));
		put(ecs, "user.target.domain", trimmed(e.data("TargetDomainName")));
	}

	/** The account whose credentials were used as user.effective.* (4648 explicit credentials, 4688). */
	static void effective(WinEvent e, ObjectNode ecs) {
		put(ecs, "user.effective.id", sid(e.data("TargetUserSid")));
		put(ecs, "user.effective.name", beforeAt(e.data("TargetUserName")));
		put(ecs, "user.effective.domain", trimmed(e.data("TargetDomainName")));
	}

	/** The subject, the member added as user.target.*, the group as group.* and user.target.group.* (4728, 4732, 4756). */
	static void groupMember(WinEvent e, ObjectNode ecs) {
		subject(e, ecs);
		String member = trimmed(e.data("MemberName"));
		if (member != null) {
			String[] parts = member.split(",");
			put(ecs, "user.target.name", trimmed(stripPrefix(parts[0], "CN=")));
			for (String part : parts) {
				if (part.strip().regionMatches(true, 0, "DC=", 0, 3)) {
					put(ecs, "user.target.domain", trimmed(part.strip().substring(3)));
					break;
				}
			}
		}
		put(ecs, "user.target.id", sid(e.data("MemberSid")));
		for (String prefix : new String[] { "group", "user.target.group" }) {
			put(ecs, prefix + ".id", sid(e.data("TargetSid")));
			put(ecs, prefix + ".name", trimmed(e.data("TargetUserName")));
			put(ecs, prefix + ".domain", trimmed(stripPrefix(e.data("TargetDomainName"), "DC=")));
		}
	}

	/** Windows' NULL SID: the placeholder for "no account" (4625's unknown target, 4688's absent target). */
	static final String NULL_SID = "S-1-0-0";

	/** A SID, or null when absent or the NULL SID (a placeholder, not an account). */
	static String sid(String value) {
		String v = trimmed(value);
		return NULL_SID.equals(v) ? null : v;
	}

	private static String beforeAt(String name) {
		String n = trimmed(name);
		if (n == null) {
			return null;
		}
		int at = n.indexOf('@');
		return at > 0 ? n.substring(0, at) : n;
	}

	private static String stripPrefix(String value, String prefix) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		return v.regionMatches(true, 0, prefix, 0, prefix.length()) ? v.substring(prefix.length()) : v;
	}

}
