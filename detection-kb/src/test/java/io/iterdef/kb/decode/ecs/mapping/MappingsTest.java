package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.event;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

class MappingsTest {

	/** Channel, provider, ids: every event id issue 3 lists. */
	private static final Object[][] ISSUE_3 = {
			{ "Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon", IntStream.rangeClosed(1, 29).toArray() },
			{ "Security", "Microsoft-Windows-Security-Auditing",
					new int[] { 4624, 4625, 4634, 4647, 4648, 4656, 4663, 4672, 4688, 4697, 4698, 4699, 4702, 4719,
							4720, 4722, 4724, 4728, 4732, 4756, 4768, 4769, 4771, 4776, 5140, 5145 } },
			{ "Security", "Microsoft-Windows-Eventlog", new int[] { 1102 } },
			{ "System", "Service Control Manager", new int[] { 7045, 7036 } },
			{ "System", "Microsoft-Windows-Eventlog", new int[] { 104 } },
			{ "Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", new int[] { 4103, 4104 } },
			{ "Windows PowerShell", "PowerShell", new int[] { 400, 800 } },
			{ "Microsoft-Windows-WMI-Activity/Operational", "Microsoft-Windows-WMI-Activity",
					IntStream.rangeClosed(5857, 5861).toArray() },
			{ "Microsoft-Windows-TaskScheduler/Operational", "Microsoft-Windows-TaskScheduler",
					new int[] { 106, 140, 141, 200, 201 } },
			{ "Application", "EMET", new int[] { 1, 2, 50 } } };

	@Test
	void shouldHaveASpecificMappingWhenEventIdIsInIssue3() {
		List<String> generic = new ArrayList<>();
		for (Object[] source : ISSUE_3) {
			for (int id : (int[]) source[2]) {
				if (Mappings.forEvent((String) source[0], (String) source[1], id) == Mappings.GENERIC) {
					generic.add(source[0] + " " + id);
				}
				ObjectNode ecs = map(event((String) source[0], (String) source[1], id));
				if (ecs.at("/event/action").isMissingNode() && ecs.at("/event/type").isMissingNode()) {
					generic.add(source[0] + " " + id + " (no categorization)");
				}
			}
		}
		assertThat(generic).isEmpty();
	}

	@Test
	void shouldMatchChannelWithoutCaseWhenShipperLowerCasesIt() {
		assertThat(Mappings.forEvent("security", "Microsoft-Windows-Security-Auditing", 4624))
			.isSameAs(Mappings.forEvent("Security", "Microsoft-Windows-Security-Auditing", 4624))
			.isNotSameAs(Mappings.GENERIC);
		assertThat(Mappings.forEvent(" MICROSOFT-WINDOWS-SYSMON/OPERATIONAL ", null, 1)).isNotSameAs(Mappings.GENERIC);
	}

	@Test
	void shouldFindChannelFromProviderWhenChannelMissing() {
		assertThat(Mappings.forEvent(null, "Microsoft-Windows-Sysmon", 10)).isNotSameAs(Mappings.GENERIC);
		assertThat(Mappings.forEvent("", "EMET", 2)).isNotSameAs(Mappings.GENERIC);
	}

	@Test
	void shouldBeGenericWhenEventUnknown() {
		assertThat(Mappings.forEvent("Security", "Microsoft-Windows-Security-Auditing", 4799)).isSameAs(Mappings.GENERIC);
		assertThat(Mappings.forEvent("Application", "Application Error", 1000)).isSameAs(Mappings.GENERIC);
		assertThat(Mappings.forEvent("Application", "MsiInstaller", 1)).isSameAs(Mappings.GENERIC);
		assertThat(Mappings.forEvent(null, null, 4624)).isSameAs(Mappings.GENERIC);
		ObjectNode ecs = map(event("Application", "Application Error", 1000, "param1", "app.exe"));
		assertThat(ecs.at("/event/category").isMissingNode()).isTrue();
		assertThat(ecs.size()).isEqualTo(1);
	}

	@Test
	void shouldNotFailWhenEveryFieldIsMissing() {
		for (Object[] source : ISSUE_3) {
			for (int id : (int[]) source[2]) {
				ObjectNode ecs = map(event((String) source[0], (String) source[1], id, "Hashes", "-", "User", "-",
						"IpAddress", "-", "LogonType", "", "ProcessId", "not-a-number"));
				assertThat(ecs.at("/user").isMissingNode()).as(source[0] + " " + id).isTrue();
				assertThat(ecs.at("/source").isMissingNode()).as(source[0] + " " + id).isTrue();
			}
		}
	}

}
