package io.iterdef.kb.decode.ecs.mapping.security;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.Map;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * Logon, logoff and credential events: the target account as user.*, the new session's TargetLogonId as
 * winlog.logon.id (Winlogbeat's copyTargetUserLogonId), winlog.logon.failure.{status,sub_status,reason} for 4625 and
 * 4776 (descriptions of Elastic's security pipeline), event.outcome from the status of 4768/4769/4776. Iterdef also
 * keeps the trimmed LogonProcessName and AuthenticationPackageName as winlog.logon.process_name and
 * winlog.logon.authentication_package ("User32 " is sent with its trailing space; event_data keeps it raw).
 */
final class SecurityLogon {

	private static final JsonPointer OUTCOME = JsonPointer.compile("/event/outcome");

	private static final Map<Long, String> STATUS = Map.ofEntries(
			Map.entry(0xc000005eL, "There are currently no logon servers available to service the logon request."),
			Map.entry(0xc0000064L, "User logon with misspelled or bad user account"),
			Map.entry(0xc000006aL, "User logon with misspelled or bad password"),
			Map.entry(0xc000006dL, "This is either due to a bad username or authentication information"),
			Map.entry(0xc000006eL, "Unknown user name or bad password."),
			Map.entry(0xc000006fL, "User logon outside authorized hours"),
			Map.entry(0xc0000070L, "User logon from unauthorized workstation"),
			Map.entry(0xc0000071L, "User logon with expired password"),
			Map.entry(0xc0000072L, "User logon to account disabled by administrator"),
			Map.entry(0xc0000133L, "Clocks between DC and other computer too far out of sync"),
			Map.entry(0xc000015bL, "The user has not been granted the requested logon type (aka logon right) at this machine"),
			Map.entry(0xc0000193L, "User logon with expired account"),
			Map.entry(0xc0000224L, "User is required to change password at next logon"),
			Map.entry(0xc0000234L, "User logon with account locked"),
			Map.entry(0xc0000413L, "Logon Failure: The machine you are logging onto is protected by an authentication "
					+ "firewall. The specified account is not allowed to authenticate to the machine."));

	private static final Map<String, String> FAILURE_REASONS = Map.ofEntries(
			Map.entry("%%2304", "An Error occured during Logon."),
			Map.entry("%%2305", "The specified user account has expired."),
			Map.entry("%%2306", "The NetLogon component is not active."), Map.entry("%%2307", "Account locked out."),
			Map.entry("%%2308", "The user has not been granted the requested logon type at this machine."),
			Map.entry("%%2309", "The specified account's password has expired."),
			Map.entry("%%2310", "Account currently disabled."),
			Map.entry("%%2311", "Account logon time restriction violation."),
			Map.entry("%%2312", "User not allowed to logon at this computer."),
			Map.entry("%%2313", "Unknown user name or bad password."), Map.entry("%%2314", "Domain sid inconsistent."),
			Map.entry("%%2315", "Smartcard logon is required and was not used."));

	private SecurityLogon() {
	}

	/** 4624, 4625, 4634, 4647. */
	static void logon(WinEvent e, ObjectNode ecs) {
		SecurityUsers.targetAsUser(e, ecs);
		put(ecs, "winlog.logon.id", Values.hexId(e.data("TargetLogonId")));
		put(ecs, "winlog.logon.process_name", trimmed(e.data("LogonProcessName")));
		put(ecs, "winlog.logon.authentication_package", trimmed(e.data("AuthenticationPackageName")));
		if (e.eventId == 4625) {
			failure(e, ecs);
		}
	}

	/** 4648: the subject used the explicit credentials of user.effective, for TargetServerName. */
	static void explicit(WinEvent e, ObjectNode ecs) {
		SecurityUsers.subject(e, ecs);
		SecurityUsers.effective(e, ecs);
	}

	/** 4768, 4769, 4771: Status 0x0 is a success, anything else a failure (4771 is always one). */
	static void kerberos(WinEvent e, ObjectNode ecs) {
		SecurityUsers.targetAsUser(e, ecs);
		statusOutcome(e, ecs);
	}

	/** 4776: the account whose credentials were validated; Status 0x0 is a success. */
	static void credentialValidation(WinEvent e, ObjectNode ecs) {
		SecurityUsers.targetAsUser(e, ecs);
		statusOutcome(e, ecs);
		failure(e, ecs);
	}

	private static void statusOutcome(WinEvent e, ObjectNode ecs) {
		Long status = Values.number(e.data("Status"));
		if (status != null && !ecs.at(OUTCOME).isTextual()) {
			put(ecs, "event.outcome", status == 0 ? "success" : "failure");
		}
	}

	private static void failure(WinEvent e, ObjectNode ecs) {
		Long status = Values.number(e.data("Status"));
		if (status != null && status != 0) {
			put(ecs, "winlog.logon.failure.status", STATUS.get(status));
		}
		Long subStatus = Values.number(e.data("SubStatus"));
		if (subStatus != null && subStatus != 0) {
			put(ecs, "winlog.logon.failure.sub_status", STATUS.get(subStatus));
		}
		String reason = trimmed(e.data("FailureReason"));
		if (reason != null) {
			put(ecs, "winlog.logon.failure.reason", FAILURE_REASONS.getOrDefault(reason, reason));
		}
	}

}
