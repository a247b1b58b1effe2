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
 * Sequence (A then B within T, by key, ordered) on the pseudo clock: an account created (4720) then added to a
 * privileged group (4732) on the same host, same SID, within 15 minutes.
 */
class PersistenceNewAccountAddedToPrivilegedGroupTest extends RuleSessionTest {

	static final String RULE = "New account added to a privileged group soon after its creation";

	static final String SINGLE = "Member added to a privileged group";

	static final Instant A = Instant.parse("2026-11-17T10:02:11Z");

	static final Duration T = Duration.ofMinutes(15);

	static final String HOST = "FIN-WS07.corp.example.org";

	static final String SID = "S-1-5-21-1004336348-1177238915-682003330-1003";

	static final String ADMINISTRATORS = "S-1-5-32-544";

	/** The alerts of the sequence rule among all the session raised ({@code alerts}). */
	List<Alert> sequence() {
		return alerts.stream().filter(a -> RULE.equals(a.getRuleName())).toList();
	}

	@Test
	void shouldFireWhenTheAccountIsAddedExactlyFifteenMinutesAfterItsCreation() {
		Event created = created(A, HOST, SID);
		Event added = added(A.plus(T), HOST, SID, ADMINISTRATORS);
		session.insert(created);
		session.insert(added);
		assertThat(sequence()).extracting(Alert::getRuleName).containsExactly(RULE);
		Alert alert = sequence().get(0);
		assertThat(alert.getGroupKey()).isEqualTo("fin-ws07.corp.example.org|" + SID);
		assertThat(alert.getEventIds()).containsExactly(created.getId(), added.getId());
		assertThat(alert.getTimestamp()).isEqualTo(A.plus(T));
	}

	@Test
	void shouldNotFireWhenTheAccountIsAddedFifteenMinutesAndOneSecondAfter() {
		session.insert(created(A, HOST, SID));
		session.insert(added(A.plus(T).plusSeconds(1), HOST, SID, ADMINISTRATORS));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(sequence()).isEmpty();
	}

	@Test
	void shouldNotFireWhenTheGroupChangeComesBeforeTheCreation() {
		session.insert(added(A, HOST, SID, ADMINISTRATORS));
		session.insert(created(A.plusSeconds(1), HOST, SID));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(sequence()).isEmpty();
	}

	@Test
	void shouldNotFireWhenAnotherAccountOrAnotherHostOrAnUnprivilegedGroupFollows() {
		session.insert(created(A, HOST, SID));
		session.insert(added(A.plusSeconds(10), HOST, "S-1-5-21-1004336348-1177238915-682003330-1009", ADMINISTRATORS));
		session.insert(added(A.plusSeconds(20), "FIN-WS11.corp.example.org", SID, ADMINISTRATORS));
		session.insert(added(A.plusSeconds(30), HOST, SID, "S-1-5-32-545"));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(sequence()).isEmpty();
	}

	@Test
	void shouldRaiseOnceWhenTheAccountJoinsTwoPrivilegedGroups() {
		session.insert(created(A, HOST, SID));
		session.insert(added(A.plusSeconds(1), HOST, SID, ADMINISTRATORS));
		session.insert(added(A.plusSeconds(2), HOST, SID, "S-1-5-32-555"));
		assertThat(sequence()).hasSize(1);
	}

	@Test
	void shouldRaiseOnlyTheSequenceAlertForANewAccountAndTheSingleEventAlertOtherwise() {
		session.insert(created(A, HOST, SID));
		session.insert(added(A.plusSeconds(1), HOST, SID, ADMINISTRATORS));
		// an existing account made privileged on the same host, and the new one again after the window
		session.insert(added(A.plusSeconds(10), HOST, "S-1-5-21-1004336348-1177238915-682003330-1009", ADMINISTRATORS));
		session.insert(added(A.plus(T).plusSeconds(1), HOST, SID, "S-1-5-32-555"));
		session.advanceTo(A.plus(Duration.ofHours(1)));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE, SINGLE, SINGLE);
		assertThat(alerts.get(1).getGroupKey()).endsWith("|s-1-5-21-1004336348-1177238915-682003330-1009");
		assertThat(alerts.get(2).getGroupKey()).endsWith("|" + SID.toLowerCase());
	}

	static Event created(Instant time, String host, String sid) {
		return NxlogRecords.event("security_4720", time, Map.of("Hostname", host, "TargetUserName", "support_tmp",
				"SamAccountName", "support_tmp", "TargetDomainName", "FIN-WS07", "TargetSid", sid));
	}

	static Event added(Instant time, String host, String memberSid, String groupSid) {
		return NxlogRecords.event("security_4732", time, Map.of("Hostname", host, "MemberName", "-", "MemberSid",
				memberSid, "TargetSid", groupSid));
	}
}
