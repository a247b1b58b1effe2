package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The 4771 spray rule on the pseudo clock: six distinct accounts from one address within 2 minutes. */
class CredentialAccessPasswordSprayKerberosPreauthTest extends RuleSessionTest {

	static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");

	static final String DC = "dc01.corp.example.org";

	static final String RULE = "Password spraying: Kerberos pre-authentication failures for many accounts from one address";

	@Test
	void shouldFireOnceWithEveryFailureWhenSixAccountsFailFromOneAddressWithinTwoMinutes() {
		for (int i = 0; i < 6; i++) {
			session.insert(failure(T0.plusSeconds(20L * i), "user" + i, "::ffff:198.51.100.77", "0x18"));
		}
		assertThat(alerts).hasSize(1);
		Alert alert = alerts.get(0);
		assertThat(alert.getRuleName()).isEqualTo(RULE);
		assertThat(alert.getGroupKey()).isEqualTo(DC + "|198.51.100.77");
		assertThat(alert.getEventIds()).hasSize(6);
		assertThat(alert.getTimestamp()).isEqualTo(T0.plusSeconds(100));
	}

	@Test
	void shouldNotFireWhenSixAccountsAreSpreadOverMoreThanTwoMinutes() {
		for (int i = 0; i < 6; i++) {
			session.insert(failure(T0.plusSeconds(30L * i), "user" + i, "198.51.100.77", "0x18"));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldRaiseOneAlertWhenASprayGoesOnForHundredsOfAccounts() {
		for (int i = 0; i < 300; i++) {
			session.insert(failure(T0.plusMillis(200L * i), "user" + i, "198.51.100.77", "0x18"));
		}
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldRaiseOneAlertPerAddressWhenTwoAddressesSpray() {
		for (int i = 0; i < 6; i++) {
			session.insert(failure(T0.plusSeconds(10L * i), "user" + i, "198.51.100.77", "0x18"));
			session.insert(failure(T0.plusSeconds(10L * i + 1), "user" + i, "198.51.100.78", "0x18"));
		}
		assertThat(alerts).extracting(Alert::getGroupKey)
			.containsExactlyInAnyOrder(DC + "|198.51.100.77", DC + "|198.51.100.78");
	}

	@Test
	void shouldNotCountFailuresOtherThanWrongPassword() {
		for (int i = 0; i < 6; i++) {
			session.insert(failure(T0.plusSeconds(10L * i), "user" + i, "198.51.100.77", i < 5 ? "0x18" : "0x12"));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireAgainWhenTheSprayResumesAfterTheSuppressionPeriod() {
		for (int i = 0; i < 6; i++) {
			session.insert(failure(T0.plusSeconds(10L * i), "user" + i, "198.51.100.77", "0x18"));
		}
		Instant later = T0.plus(Duration.ofMinutes(45));
		for (int i = 0; i < 6; i++) {
			session.insert(failure(later.plusSeconds(10L * i), "other" + i, "198.51.100.77", "0x18"));
		}
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).getId()).isNotEqualTo(alerts.get(1).getId());
	}

	static Event failure(Instant time, String user, String address, String status) {
		return SecurityEvents.security("4771", DC, time, "TargetUserName", user, "IpAddress", address, "Status", status,
				"ServiceName", "krbtgt/CORP.EXAMPLE.ORG", "PreAuthType", "2");
	}
}
