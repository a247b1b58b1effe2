package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The 4776 spray rule on the pseudo clock: six distinct accounts failing from one workstation within 2 minutes. */
class CredentialAccessPasswordSprayNtlmValidationTest extends RuleSessionTest {

	static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");

	static final String DC = "dc01.corp.example.org";

	@Test
	void shouldFireOnceWhenSixAccountsFailFromOneWorkstationWithinTwoMinutes() {
		for (int i = 0; i < 6; i++) {
			session.insert(validation(T0.plusSeconds(15L * i), "user" + i, "kali", "0xc000006a"));
		}
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).getRuleName())
			.isEqualTo("Password spraying: NTLM credential validation failures for many accounts from one workstation");
		// The workstation name is compared without case: "kali" and "KALI" are one source.
		assertThat(alerts.get(0).getGroupKey()).isEqualTo(DC + "|KALI");
		assertThat(alerts.get(0).getEventIds()).hasSize(6);
	}

	@Test
	void shouldNotFireWhenTheValidationsSucceed() {
		for (int i = 0; i < 10; i++) {
			session.insert(validation(T0.plusSeconds(5L * i), "user" + i, "CITRIX01", "0x0"));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireWhenOneAccountFailsManyTimes() {
		for (int i = 0; i < 50; i++) {
			session.insert(validation(T0.plusSeconds(2L * i), "svc_backup", "OPS-JUMP01", "0xc000006a"));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireWhenTheWorkstationIsMissing() {
		for (int i = 0; i < 6; i++) {
			session.insert(validation(T0.plusSeconds(10L * i), "user" + i, "-", "0xc000006a"));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldRaiseOneAlertWhenASprayGoesOnForHundredsOfAccounts() {
		for (int i = 0; i < 300; i++) {
			session.insert(validation(T0.plusMillis(300L * i), "user" + i, "KALI", "0xc0000064"));
		}
		assertThat(alerts).hasSize(1);
	}

	static Event validation(Instant time, String user, String workstation, String status) {
		return SecurityEvents.security("4776", DC, time, "TargetUserName", user, "Workstation", workstation, "Status",
				status, "PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0");
	}
}
