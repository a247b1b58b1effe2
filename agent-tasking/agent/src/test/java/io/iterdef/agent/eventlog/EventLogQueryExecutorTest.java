package io.iterdef.agent.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskFailedException;

class EventLogQueryExecutorTest {

	@Test
	void shouldBuildTheWevtutilArgumentListWhenTheParametersAreValid() {
		EventLogQuery query = EventLogQuery.from(context(Map.of("channel", "Microsoft-Windows-Sysmon/Operational",
				"query", "*[System[(EventID=1 or EventID=10) and TimeCreated[timediff(@SystemTime) <= 3600000]]]",
				"maxEvents", 250)));

		assertThat(query.command("C:\\Windows\\System32\\wevtutil.exe")).containsExactly(
				"C:\\Windows\\System32\\wevtutil.exe", "qe", "Microsoft-Windows-Sysmon/Operational",
				"/q:*[System[(EventID=1 or EventID=10) and TimeCreated[timediff(@SystemTime) <= 3600000]]]", "/c:250",
				"/rd:true", "/f:xml");
	}

	@Test
	void shouldQueryEverythingUpTo100EventsWhenOnlyTheChannelIsGiven() {
		EventLogQuery query = EventLogQuery.from(context(Map.of("channel", "Security")));

		assertThat(query.command("wevtutil")).containsExactly("wevtutil", "qe", "Security", "/q:*", "/c:100",
				"/rd:true", "/f:xml");
	}

	@Test
	void shouldRefuseAChannelThatIsNotALogName() {
		for (String channel : List.of("/f:text", "Security & calc.exe", "Sec\"urity", "Security\nx", "..\\x", "a|b",
				"x".repeat(256))) {
			assertThatThrownBy(() -> EventLogQuery.from(context(Map.of("channel", channel)))).as(channel)
				.isInstanceOf(TaskFailedException.class)
				.hasMessageContaining("parameter \"channel\" must be an event log name");
		}
		assertThatThrownBy(() -> EventLogQuery.from(context(Map.of()))).hasMessageContaining("\"channel\" is missing");
	}

	@Test
	void shouldRefuseAQueryOutsideTheSafeCharacterSet() {
		for (String query : List.of("*[System[Provider[@Name=\"x\"]]]", "* & del x", "*;x", "%COMSPEC%", "a\\b", "`x`",
				"", "*".repeat(2049))) {
			assertThatThrownBy(() -> EventLogQuery.from(context(Map.of("channel", "Security", "query", query))))
				.as(query)
				.hasMessageContaining("parameter \"query\" must be an XPath filter");
		}
	}

	@Test
	void shouldRefuseMaxEventsOutOfRange() {
		for (int max : List.of(0, 10_001)) {
			assertThatThrownBy(() -> EventLogQuery.from(context(Map.of("channel", "Security", "maxEvents", max))))
				.hasMessageContaining("\"maxEvents\" must be a whole number from 1 to 10000");
		}
	}

	@Test
	void shouldSplitRecordedWevtutilOutputIntoOneStringPerEvent() throws IOException {
		String output = recorded();

		List<String> events = EventXml.split(output, 100);

		assertThat(events).hasSize(3);
		assertThat(events).allSatisfy(event -> assertThat(event).startsWith("<Event xmlns=").endsWith("</Event>"));
		assertThat(events.get(0)).contains("<EventID>4624</EventID>").doesNotContain("4625");
		assertThat(events.get(1)).contains("<EventID>4625</EventID>").contains("<EventData>");
		assertThat(events.get(2)).contains("<EventID>1102</EventID>").contains("jdoe &lt;/Event&gt;");
	}

	@Test
	void shouldReturnAtMostMaxEventsWhenSplitting() throws IOException {
		assertThat(EventXml.split(recorded(), 2)).hasSize(2);
	}

	@Test
	void shouldDropACutOffEventWhenTheOutputWasTruncated() throws IOException {
		String output = recorded();
		StringBuilder read = new StringBuilder();
		int budget = output.indexOf("</Event>") + 100; // the first event and part of the second
		TaskContext context = context(Map.of("channel", "Security"), budget);

		boolean spent = EventLogQueryExecutor.read(stream(output), read, context);

		assertThat(spent).isTrue();
		assertThat(read).hasSize(budget);
		assertThat(EventXml.split(read, 100)).hasSize(1).allSatisfy(event -> assertThat(event).contains("4624"));
	}

	@Test
	void shouldReadEverythingWhenTheBudgetSuffices() throws IOException {
		StringBuilder read = new StringBuilder();

		boolean spent = EventLogQueryExecutor.read(stream(recorded()), read,
				context(Map.of("channel", "Security"), 1_000_000));

		assertThat(spent).isFalse();
		assertThat(read.toString()).isEqualTo(recorded());
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void shouldFailPlainlyWhenNotOnWindows() {
		assertThatThrownBy(() -> new EventLogQueryExecutor().execute(context(Map.of("channel", "Security"))))
			.isInstanceOf(TaskFailedException.class)
			.hasMessage("eventlog.query needs Windows (wevtutil)");
	}

	private static String recorded() throws IOException {
		try (InputStream in = EventLogQueryExecutorTest.class.getResourceAsStream("/eventlog/wevtutil-qe-security.xml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static TaskContext context(Map<String, Object> params) {
		return context(params, 1_000_000);
	}

	private static TaskContext context(Map<String, Object> params, long maxBytes) {
		return new TaskContext("task-1", new HashMap<>(params), new TaskLimits(10_000, 10_000, maxBytes),
				new Budget(maxBytes), null, new ArrayList<>());
	}

}
