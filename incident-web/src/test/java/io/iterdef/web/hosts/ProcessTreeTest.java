package io.iterdef.web.hosts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeTest {

	private static final Instant T0 = Instant.parse("2026-11-17T09:14:00Z");

	private static int seq;

	/** A Sysmon-shaped event: code, seconds after T0, process guid/pid, parent guid/pid (nullable). */
	static HostEvent sysmon(String code, int second, String guid, Long pid, String parentGuid, Long parentPid,
			String image) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", "e" + (++seq));
		event.put("code", code);
		event.put("provider", "Microsoft-Windows-Sysmon");
		Map<String, Object> process = new LinkedHashMap<>();
		if (guid != null) {
			process.put("entity_id", guid);
		}
		if (pid != null) {
			process.put("pid", pid);
		}
		process.put("executable", image);
		if ("1".equals(code)) {
			process.put("command_line", image + " /arg");
		}
		Map<String, Object> parent = new LinkedHashMap<>();
		if (parentGuid != null) {
			parent.put("entity_id", parentGuid);
		}
		if (parentPid != null) {
			parent.put("pid", parentPid);
		}
		if (!parent.isEmpty()) {
			process.put("parent", parent);
		}
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("@timestamp", T0.plusSeconds(second).toString());
		source.put("event", event);
		source.put("host", Map.of("name", "h1"));
		source.put("process", process);
		source.put("user", Map.of("name", "jdoe", "domain", "CORP"));
		return HostEvent.of(source);
	}

	/** A Security 4688 (process creation without guids) or another Security event with only a pid. */
	static HostEvent security(String code, int second, Long pid, Long parentPid, String image) {
		Map<String, Object> process = new LinkedHashMap<>();
		if (pid != null) {
			process.put("pid", pid);
		}
		process.put("executable", image);
		if (parentPid != null) {
			process.put("parent", Map.of("pid", parentPid));
		}
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("@timestamp", T0.plusSeconds(second).toString());
		source.put("event", Map.of("id", "s" + (++seq), "code", code, "provider", "Microsoft-Windows-Security-Auditing"));
		source.put("process", process);
		return HostEvent.of(source);
	}

	private static List<String> executables(List<ProcessTree.Node> nodes) {
		return nodes.stream().map(ProcessTree.Node::executable).toList();
	}

	@Test
	void shouldNestChildrenUnderParentsByEntityIdWhenTheEventsCarryGuids() {
		HostEvent word = sysmon("1", 0, "{W}", 4412L, "{EXPLORER}", 3964L, "WINWORD.EXE");
		HostEvent wscript = sysmon("1", 10, "{S}", 5032L, "{W}", 4412L, "wscript.exe");
		HostEvent ps = sysmon("1", 11, "{P}", 6120L, "{S}", 5032L, "powershell.exe");
		HostEvent net = sysmon("3", 14, "{P}", 6120L, null, null, "powershell.exe");
		HostEvent file = sysmon("11", 15, "{P}", 6120L, null, null, "powershell.exe");
		HostEvent reg = sysmon("13", 16, "{P}", 6120L, null, null, "powershell.exe");
		HostEvent whoami = sysmon("1", 20, "{WH}", 7004L, "{P}", 6120L, "whoami.exe");

		// given out of order: the tree sorts by time
		ProcessTree.Tree tree = ProcessTree.build(List.of(reg, whoami, net, word, file, ps, wscript));

		assertThat(tree.processCount()).isEqualTo(4);
		assertThat(executables(tree.roots())).containsExactly("WINWORD.EXE");
		ProcessTree.Node root = tree.roots().get(0);
		assertThat(root.start()).isEqualTo(word.timestamp());
		assertThat(root.commandLine()).isEqualTo("WINWORD.EXE /arg");
		assertThat(root.user()).isEqualTo("CORP\\jdoe");
		ProcessTree.Node wscriptNode = root.children().get(0);
		assertThat(wscriptNode.executable()).isEqualTo("wscript.exe");
		ProcessTree.Node psNode = wscriptNode.children().get(0);
		assertThat(psNode.entityId()).isEqualTo("{P}");
		assertThat(psNode.events()).containsExactly(ps, net, file, reg);
		assertThat(executables(psNode.children())).containsExactly("whoami.exe");
		assertThat(tree.other()).isEmpty();
	}

	@Test
	void shouldKeepTwoProcessesApartWhenAPidIsReusedWithDifferentEntityIds() {
		HostEvent first = sysmon("1", 0, "{A}", 4000L, null, null, "first.exe");
		HostEvent firstChild = sysmon("1", 5, "{A1}", 4100L, "{A}", 4000L, "child-of-first.exe");
		HostEvent second = sysmon("1", 30, "{B}", 4000L, null, null, "second.exe");
		HostEvent secondNet = sysmon("3", 31, "{B}", 4000L, null, null, "second.exe");
		HostEvent secondChild = sysmon("1", 40, "{B1}", 4200L, "{B}", 4000L, "child-of-second.exe");

		ProcessTree.Tree tree = ProcessTree.build(List.of(first, firstChild, second, secondNet, secondChild));

		assertThat(executables(tree.roots())).containsExactly("first.exe", "second.exe");
		assertThat(executables(tree.roots().get(0).children())).containsExactly("child-of-first.exe");
		assertThat(executables(tree.roots().get(1).children())).containsExactly("child-of-second.exe");
		assertThat(tree.roots().get(1).events()).containsExactly(second, secondNet);
	}

	@Test
	void shouldGroupByPidAndStartTimeWhenThereAreNoEntityIds() {
		HostEvent a = security("4688", 0, 100L, 50L, "a.exe");
		HostEvent childOfA = security("4688", 5, 200L, 100L, "child-of-a.exe");
		HostEvent b = security("4688", 60, 100L, 50L, "b.exe"); // pid 100 reused
		HostEvent childOfB = security("4688", 65, 300L, 100L, "child-of-b.exe");
		HostEvent bLater = security("4663", 70, 100L, null, "b.exe");

		ProcessTree.Tree tree = ProcessTree.build(List.of(a, childOfA, b, childOfB, bLater));

		assertThat(tree.processCount()).isEqualTo(4);
		assertThat(executables(tree.roots())).containsExactly("a.exe", "b.exe");
		assertThat(executables(tree.roots().get(0).children())).containsExactly("child-of-a.exe");
		assertThat(executables(tree.roots().get(1).children())).containsExactly("child-of-b.exe");
		assertThat(tree.roots().get(1).events()).containsExactly(b, bLater);
	}

	@Test
	void shouldMakeRootsOfProcessesWhoseParentIsNotInTheWindowAndListEventsWithoutAProcessApart() {
		HostEvent orphanByGuid = sysmon("1", 0, "{O}", 10L, "{GONE}", 99L, "orphan.exe");
		HostEvent orphanByPid = security("4688", 1, 20L, 98L, "orphan2.exe");
		HostEvent seenBeforeStart = sysmon("3", 2, "{LONG}", 30L, null, null, "svchost.exe");
		HostEvent logon = security("4624", 3, 0L, null, null);
		HostEvent noProcess = security("4625", 4, null, null, null);

		ProcessTree.Tree tree = ProcessTree.build(List.of(orphanByGuid, orphanByPid, seenBeforeStart, logon, noProcess));

		assertThat(executables(tree.roots())).containsExactly("orphan.exe", "orphan2.exe", "svchost.exe");
		assertThat(tree.roots()).allSatisfy(root -> assertThat(root.children()).isEmpty());
		assertThat(tree.roots().get(2).start()).isNull();
		assertThat(tree.roots().get(2).firstSeen()).isEqualTo(seenBeforeStart.timestamp());
		assertThat(tree.other()).containsExactly(logon, noProcess);
	}

	@Test
	void shouldNotGuessAParentByPidWhenTheChildNamesItsParentGuid() {
		HostEvent unrelated = sysmon("1", 0, "{U}", 500L, null, null, "unrelated.exe");
		HostEvent child = sysmon("1", 5, "{C}", 600L, "{REAL-PARENT-NOT-IN-WINDOW}", 500L, "child.exe");

		ProcessTree.Tree tree = ProcessTree.build(List.of(unrelated, child));

		assertThat(executables(tree.roots())).containsExactly("unrelated.exe", "child.exe");
	}

	@Test
	void shouldTreatASecurityStartOfTheSameProcessAsOneProcessWhenSysmonReportedItToo() {
		HostEvent sysmonStart = sysmon("1", 0, "{P}", 6120L, null, null, "powershell.exe");
		HostEvent securityStart = security("4688", 1, 6120L, 5032L, "powershell.exe");

		ProcessTree.Tree tree = ProcessTree.build(List.of(sysmonStart, securityStart));

		assertThat(tree.processCount()).isEqualTo(1);
		assertThat(tree.roots().get(0).events()).containsExactly(sysmonStart, securityStart);
	}

}
