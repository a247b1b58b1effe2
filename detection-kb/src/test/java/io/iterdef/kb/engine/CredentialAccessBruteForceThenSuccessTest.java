package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence with a count on the pseudo clock: ten failed logons (4625) for an account from one source, then a logon
 * (4624) of that account from that source, within 10 minutes, in that order.
 */
class CredentialAccessBruteForceThenSuccessTest extends RuleSessionTest {

	static final String RULE = "Brute force succeeded: failed logons then a logon of the account from the same source";

	static final Instant S = Instant.parse("2026-11-17T11:50:00Z");

	static final Duration T = Duration.ofMinutes(10);

	static final String HOST = "FIN-WS07.corp.example.org";

	static final String ATTACKER = "198.51.100.77";

	@Test
	void shouldFireWhenTheFirstOfTenFailuresIsExactlyTenMinutesBeforeTheLogon() {
		failures(S.minus(T), 10, ATTACKER);
		Event success = success(S, "Administrator", ATTACKER);
		session.insert(success);
		assertThat(raised()).hasSize(1);
		assertThat(raised().get(0).getEventIds()).hasSize(11).contains(success.getId());
		assertThat(raised().get(0).getGroupKey()).isEqualTo("fin-ws07.corp.example.org|administrator|" + ATTACKER);
	}

	@Test
	void shouldNotFireWhenTheFirstFailureIsTenMinutesAndOneSecondBefore() {
		failures(S.minus(T).minusSeconds(1), 10, ATTACKER);
		session.insert(success(S, "Administrator", ATTACKER));
		session.advanceTo(S.plus(Duration.ofHours(1)));
		assertThat(raised()).isEmpty();
	}

	@Test
	void shouldNotFireOnNineFailures() {
		failures(S.minus(T), 9, ATTACKER);
		session.insert(success(S, "Administrator", ATTACKER));
		session.advanceTo(S.plus(Duration.ofHours(1)));
		assertThat(raised()).isEmpty();
	}

	@Test
	void shouldNotCountFailuresLoggedAfterTheLogon() {
		session.insert(success(S, "Administrator", ATTACKER));
		failures(S.plusSeconds(1), 10, ATTACKER);
		session.advanceTo(S.plus(Duration.ofHours(1)));
		assertThat(raised()).isEmpty();
	}

	@Test
	void shouldNotFireWhenTheLogonComesFromAnotherSourceOrIsAnotherAccount() {
		failures(S.minus(T), 10, ATTACKER);
		session.insert(success(S, "Administrator", "192.0.2.51"));
		session.insert(success(S.plusSeconds(1), "svc_backup", ATTACKER));
		session.advanceTo(S.plus(Duration.ofHours(1)));
		assertThat(raised()).isEmpty();
	}

	/** {@code n} failures for "administrator" (the guesser's case), from {@code start}, 55 s apart. */
	void failures(Instant start, int n, String ip) {
		for (int i = 0; i < n; i++) {
			session.insert(NxlogRecords.event("security_4625", start.plusSeconds(55L * i), Map.of("Hostname", HOST, "TargetUserName",
					"administrator", "TargetDomainName", ".", "IpAddress", ip)));
		}
	}

	static Event success(Instant time, String user, String ip) {
		return NxlogRecords.event("security_4624", time, Map.of("Hostname", HOST, "TargetUserName", user,
				"TargetDomainName", "FIN-WS07", "IpAddress", ip, "LogonType", "3"));
	}

	List<Alert> raised() {
		return alerts.stream().filter(a -> a.getRuleName().equals(RULE)).toList();
	}
}
