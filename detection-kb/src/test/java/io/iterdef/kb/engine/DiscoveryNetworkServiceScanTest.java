package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cardinality (N distinct values of a field in T by key) on the pseudo clock: one process reaching 20 distinct
 * internal address:port pairs (or 15 ports of one address) within 1 minute (Sysmon 3).
 */
class DiscoveryNetworkServiceScanTest extends RuleSessionTest {

	static final String RULE = "Network service scan: one process reached many internal address:port pairs";

	static final Instant T0 = Instant.parse("2026-11-17T10:20:03Z");

	static final String SCANNER = "C:\\Users\\Public\\Libraries\\ps64.exe";

	static final String GUID = "{6f3c1a2b-8eb9-6383-b1f4-0000000091a4}";

	@Test
	void shouldFireWhenTheTwentiethDistinctPairArrives() {
		for (int i = 0; i < 19; i++) {
			session.insert(conn(T0.plusSeconds(i), GUID, "10.20.5." + (10 + i), 445));
		}
		assertThat(alerts).isEmpty();
		session.insert(conn(T0.plusSeconds(19), GUID, "10.20.5.29", 445));
		assertThat(alerts).extracting(Alert::getRuleName).containsExactly(RULE);
		assertThat(alerts.get(0).getEventIds()).hasSize(20);
		assertThat(alerts.get(0).getGroupKey()).isEqualTo("fin-ws07.corp.example.org|" + GUID);
	}

	@Test
	void shouldNotCountDuplicatePairs() {
		for (int i = 0; i < 19; i++) {
			session.insert(conn(T0.plusSeconds(i), GUID, "10.20.5." + (10 + i), 445));
			session.insert(conn(T0.plusSeconds(i).plusMillis(500), GUID, "10.20.5." + (10 + i), 445));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(30)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireWhenTheTwentiethPairIsExactlyOneMinuteAfterTheFirst() {
		for (int i = 0; i < 19; i++) {
			session.insert(conn(T0.plusSeconds(3L * i), GUID, "10.20.5." + (10 + i), 445));
		}
		session.insert(conn(T0.plusSeconds(60), GUID, "10.20.5.29", 445));
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireWhenTheTwentiethPairIsOneMinuteAndOneSecondAfterTheFirst() {
		for (int i = 0; i < 19; i++) {
			session.insert(conn(T0.plusSeconds(3L * i), GUID, "10.20.5." + (10 + i), 445));
		}
		session.insert(conn(T0.plusSeconds(61), GUID, "10.20.5.29", 445));
		session.advanceTo(T0.plus(Duration.ofMinutes(30)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldFireOnFifteenPortsOfOneAddressButNotFourteen() {
		int[] ports = { 21, 22, 23, 25, 53, 80, 88, 135, 139, 389, 443, 445, 1433, 3389, 5985 };
		for (int i = 0; i < 14; i++) {
			session.insert(conn(T0.plusSeconds(i), GUID, "10.20.8.15", ports[i]));
		}
		assertThat(alerts).isEmpty();
		session.insert(conn(T0.plusSeconds(14), GUID, "10.20.8.15", ports[14]));
		assertThat(alerts).hasSize(1);
	}

	@Test
	void shouldNotFireWhenTwentyProcessesEachReachOnePair() {
		for (int i = 0; i < 20; i++) {
			session.insert(conn(T0.plusSeconds(i), String.format("{6f3c1a2b-8eb9-6383-b1f4-0000000092%02d}", i),
					"10.20.5." + (10 + i), 445));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(30)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldNotFireOnInternetDestinations() {
		for (int i = 0; i < 25; i++) {
			session.insert(conn(T0.plusSeconds(i), GUID, "198.51.100." + (20 + i), 443));
		}
		session.advanceTo(T0.plus(Duration.ofMinutes(30)));
		assertThat(alerts).isEmpty();
	}

	@Test
	void shouldRaiseOnceWhileSuppressedAndAgainAfter() {
		for (int i = 0; i < 40; i++) {
			session.insert(conn(T0.plusSeconds(i), GUID, "10.20.5." + (10 + i), 445));
		}
		assertThat(alerts).hasSize(1);
		Instant later = T0.plus(Duration.ofMinutes(31));
		for (int i = 0; i < 20; i++) {
			session.insert(conn(later.plusSeconds(i), GUID, "10.20.6." + (10 + i), 445));
		}
		assertThat(alerts).hasSize(2);
	}

	static Event conn(Instant time, String guid, String ip, int port) {
		return NxlogRecords.event("sysmon_3", time, Map.of("Image", SCANNER, "ProcessGuid", guid, "ProcessId", "9124",
				"DestinationIp", ip, "DestinationPort", String.valueOf(port), "DestinationHostname", "-",
				"DestinationPortName", "-", "SourceIp", "10.20.4.37"));
	}
}
