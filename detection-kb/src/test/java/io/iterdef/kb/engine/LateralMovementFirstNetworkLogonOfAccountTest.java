package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New term (first time a value is seen for a key, after a learning period) on the pseudo clock: the first network
 * logon (4624 type 3/10) of an account to a host, once the host has been watched for a day.
 */
class LateralMovementFirstNetworkLogonOfAccountTest extends RuleSessionTest {

	static final String RULE = "First network logon of an account to a host";

	static final Instant T0 = Instant.parse("2026-11-16T08:12:40Z");

	static final Duration LEARNING = Duration.ofDays(1);

	static final String HOST = "FS02.corp.example.org";

	@Test
	void shouldLearnSilentlyUntilTheLearningPeriodEnds() {
		session.insert(logon(T0, "svc_backup", "3"));
		session.insert(logon(T0.plus(LEARNING).minusSeconds(1), "j.smith_adm", "3"));
		assertThat(alerts).isEmpty();
		// learnt during the learning period: known afterwards
		session.insert(logon(T0.plus(LEARNING).plusSeconds(10), "j.smith_adm", "3"));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireOnANewAccountExactlyWhenTheLearningPeriodEnds() {
		session.insert(logon(T0, "svc_backup", "3"));
		Event first = logon(T0.plus(LEARNING), "j.smith_adm", "10");
		session.insert(first);
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
		assertThat(alerts.get(0).getGroupKey()).isEqualTo("fs02.corp.example.org|corp\\j.smith_adm");
		assertThat(alerts.get(0).getEventIds()).containsExactly(first.getId());
		// now known: its next logon is no news
		session.insert(logon(T0.plus(LEARNING).plus(Duration.ofHours(3)), "j.smith_adm", "3"));
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireOnAKnownAccountFromANewSource() {
		session.insert(logon(T0, "svc_backup", "3", "192.0.2.51"));
		session.insert(logon(T0.plus(Duration.ofDays(3)), "svc_backup", "3", "192.0.2.52"));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldKeepAKnownAccountWhileItIsSeenDailyBeyondTheThirtyDayExpiry() {
		for (int day = 0; day <= 40; day++) {
			session.insert(logon(T0.plus(Duration.ofDays(day)).plusSeconds(day * 60L), "svc_backup", "3"));
		}
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireAgainWhenAnAccountWasUnseenForMoreThanThirtyDays() {
		session.insert(logon(T0, "svc_backup", "3"));
		session.insert(logon(T0.plus(Duration.ofDays(2)), "j.smith_adm", "3"));
		assertThat(alerts).hasSize(1);
		for (int day = 3; day <= 34; day++) {
			session.insert(logon(T0.plus(Duration.ofDays(day)), "svc_backup", "3"));
		}
		session.insert(logon(T0.plus(Duration.ofDays(35)), "j.smith_adm", "3"));
		assertThat(alerts).hasSize(2);
	}

	@Test
	void shouldIgnoreMachineAnonymousLocalAndInteractiveLogons() {
		session.insert(logon(T0, "svc_backup", "3"));
		Instant after = T0.plus(Duration.ofDays(2));
		session.insert(logon(after, "FIN-WS11$", "3"));
		session.insert(NxlogRecords.event("security_4624", after.plusSeconds(1), Map.of("Hostname", HOST,
				"TargetUserName", "ANONYMOUS LOGON", "TargetDomainName", "NT AUTHORITY", "TargetUserSid", "S-1-5-7",
				"LogonType", "3", "IpAddress", "192.0.2.90")));
		session.insert(logon(after.plusSeconds(2), "j.smith_adm", "3", "127.0.0.1"));
		session.insert(logon(after.plusSeconds(3), "helpdesk2", "2"));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldLearnEachHostSeparately() {
		session.insert(logon(T0, "svc_backup", "3"));
		session.insert(logon(T0.plus(Duration.ofDays(2)), "svc_backup", "3", "192.0.2.51", "DC01.corp.example.org"));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldKeepFactsBoundedWhenTheSameAccountsLogOnAllDay() {
		session.insert(logon(T0, "svc_backup", "3"));
		long before = session.factCount();
		for (int i = 1; i <= 500; i++) {
			session.insert(logon(T0.plusSeconds(30L * i), "svc_backup", "3"));
		}
		session.advanceTo(T0.plus(Duration.ofHours(5)));
		assertThat(session.factCount()).isEqualTo(before - 1);
	}

	static Event logon(Instant time, String user, String type) {
		return logon(time, user, type, "192.0.2.51");
	}

	static Event logon(Instant time, String user, String type, String ip) {
		return logon(time, user, type, ip, HOST);
	}

	static Event logon(Instant time, String user, String type, String ip, String host) {
		return NxlogRecords.event("security_4624", time, Map.of("Hostname", host, "TargetUserName", user,
				"TargetDomainName", "CORP", "LogonType", type, "IpAddress", ip,
				"TargetUserSid", "S-1-5-21-3623811015-3361044348-30300820-" + (1100 + Math.abs(user.hashCode() % 800))));
	}
}
