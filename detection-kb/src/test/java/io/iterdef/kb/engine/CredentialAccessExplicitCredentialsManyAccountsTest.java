package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The 4648 rule on the pseudo clock: one user's process supplying six distinct accounts within 2 minutes. */
class CredentialAccessExplicitCredentialsManyAccountsTest extends RuleSessionTest {

	static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");

	static final String WS = "fin-ws07.corp.example.org";

	static final String PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

	@Test
	void shouldFireOnceWhenOneProcessSuppliesSixAccountsWithinTwoMinutes() {
		for (int i = 0; i < 8; i++) {
			session.insert(explicit(T0.plusSeconds(10L * i), "jdoe", PS, "user" + i));
		}
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).getRuleName()).isEqualTo("Explicit-credential logons for many accounts by one user and process");
		assertThat(alerts.get(0).getGroupKey()).isEqualTo(WS + "|corp\\jdoe|" + PS.toLowerCase());
		assertThat(alerts.get(0).getEventIds()).hasSize(6);
	}

	@Test
	void shouldNotFireWhenTheAccountsAreSuppliedByDifferentProcesses() {
		for (int i = 0; i < 6; i++) {
			session.insert(explicit(T0.plusSeconds(10L * i), "jdoe", i % 2 == 0 ? PS : "C:\\Windows\\System32\\mstsc.exe",
					"user" + i));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireWhenTheSubjectIsAMachineAccount() {
		for (int i = 0; i < 6; i++) {
			session.insert(explicit(T0.plusSeconds(10L * i), "FIN-WS07$", "C:\\Windows\\System32\\svchost.exe", "svc" + i));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireWhenSixAccountsAreSpreadOverMoreThanTwoMinutes() {
		for (int i = 0; i < 6; i++) {
			session.insert(explicit(T0.plusSeconds(30L * i), "jdoe", PS, "user" + i));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	static Event explicit(Instant time, String subject, String process, String target) {
		return SecurityEvents.security("4648", WS, time, "SubjectUserName", subject, "SubjectDomainName", "CORP",
				"ProcessName", process, "TargetUserName", target, "TargetDomainName", "CORP", "TargetServerName",
				"dc01.corp.example.org");
	}
}
