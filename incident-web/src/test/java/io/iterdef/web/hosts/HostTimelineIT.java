package io.iterdef.web.hosts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.web.StackSupport;
import io.iterdef.web.es.EsFixtures;
import io.iterdef.web.hosts.HostAlertRepository.HostAlert;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.iterdef.web.hosts.HostFixtures.eventId;
import static io.iterdef.web.hosts.HostFixtures.fileCreate;
import static io.iterdef.web.hosts.HostFixtures.logon;
import static io.iterdef.web.hosts.HostFixtures.network;
import static io.iterdef.web.hosts.HostFixtures.processStart;
import static io.iterdef.web.hosts.HostFixtures.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The host view against the real Elasticsearch (events indexed the indexer's way, on a random host) and the real
 * PostgreSQL (alerts made into incidents by the application from iterdef.alerts).
 */
class HostTimelineIT extends StackSupport {

	private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JdbcClient jdbc;

	private EsFixtures es;

	private final String host = HostFixtures.randomHost();

	private final String otherHost = HostFixtures.randomHost();

	@BeforeEach
	void fixtures() {
		es = new EsFixtures(client, rest);
	}

	private MvcResult open(String host, Instant at, int minutes, String view) throws Exception {
		return mockMvc
			.perform(get("/hosts/{host}", host).param("at", at.toString())
				.param("minutes", Integer.toString(minutes))
				.param("view", view)
				.with(user("it-host-analyst").roles("ANALYST")))
			.andExpect(status().isOk())
			.andReturn();
	}

	@SuppressWarnings("unchecked")
	private static List<String> eventIds(MvcResult result) {
		return ((List<HostEvent>) result.getModelAndView().getModel().get("events")).stream().map(HostEvent::id).toList();
	}

	private static String id(Map<String, Object> event) {
		return (String) ((Map<?, ?>) event.get("event")).get("id");
	}

	@Test
	void shouldReturnExactlyTheHostsEventsInsideTheWindowInTimeOrder() throws Exception {
		List<Map<String, Object>> events = new ArrayList<>();
		Map<String, Object> tooEarly = logon(host, eventId(), AT.minusSeconds(16 * 60));
		Map<String, Object> firstIn = logon(host, eventId(), AT.minusSeconds(15 * 60));
		Map<String, Object> middle = logon(host, eventId(), AT.minusSeconds(60));
		Map<String, Object> lastIn = logon(host, eventId(), AT.plusSeconds(15 * 60));
		Map<String, Object> tooLate = logon(host, eventId(), AT.plusSeconds(15 * 60 + 1));
		Map<String, Object> otherHostsEvent = logon(otherHost, eventId(), AT);
		// the day boundary may split them over two daily indices: all of them are searched
		events.addAll(List.of(lastIn, tooEarly, middle, otherHostsEvent, firstIn, tooLate));
		es.indexEvents(events);

		assertThat(eventIds(open(host, AT, 15, "flat"))).containsExactly(id(firstIn), id(middle), id(lastIn));
		assertThat(eventIds(open(host, AT, 5, "flat"))).containsExactly(id(middle));
		assertThat(eventIds(open(otherHost, AT, 15, "flat"))).containsExactly(id(otherHostsEvent));
		MvcResult nothing = open("it-" + UUID.randomUUID() + ".corp", AT, 15, "tree");
		assertThat(eventIds(nothing)).isEmpty();
		assertThat(nothing.getResponse().getContentAsString()).contains("id=\"empty-state\"", "Widen the window");
	}

	@Test
	void shouldShowAtMostTheCapAndSaySoWhenTheWindowHoldsMoreEvents() throws Exception {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < HostEventSearch.MAX_EVENTS + 5; i++) {
			events.add(logon(host, eventId(), AT.minusMillis(i * 100L)));
		}
		es.indexEvents(events);

		MvcResult result = open(host, AT, 15, "flat");

		assertThat(eventIds(result)).hasSize(HostEventSearch.MAX_EVENTS);
		assertThat(result.getModelAndView().getModel()).containsEntry("capped", true)
			.containsEntry("total", (long) HostEventSearch.MAX_EVENTS + 5);
		assertThat(result.getResponse().getContentAsString()).contains("id=\"capped\"", "Narrow it");
	}

	@Test
	void shouldNestTheProcessesAndTheirEventsWhenTheEventsAreSysmonShaped() throws Exception {
		String word = "{" + UUID.randomUUID() + "}";
		String wscript = "{" + UUID.randomUUID() + "}";
		String ps = "{" + UUID.randomUUID() + "}";
		String whoami = "{" + UUID.randomUUID() + "}";
		String explorer = "{" + UUID.randomUUID() + "}"; // started long before the window: not indexed
		String psImage = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
		List<Map<String, Object>> events = List.of(
				processStart(host, eventId(), AT.minusSeconds(70), word, 4412, explorer, 3964,
						"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE", "WINWORD.EXE /n invoice.docm"),
				processStart(host, eventId(), AT.minusSeconds(60), wscript, 5032, word, 4412,
						"C:\\Windows\\System32\\wscript.exe", "wscript.exe invoice.vbs"),
				processStart(host, eventId(), AT.minusSeconds(59), ps, 6120, wscript, 5032, psImage,
						"powershell -nop -w hidden -enc SQBFAFgA"),
				network(host, eventId(), AT.minusSeconds(55), ps, 6120, psImage, "198.51.100.23", 443),
				fileCreate(host, eventId(), AT.minusSeconds(54), ps, 6120, psImage, "C:\\Users\\jdoe\\AppData\\Local\\Temp\\a.ps1"),
				registry(host, eventId(), AT.minusSeconds(53), ps, 6120, psImage,
						"HKU\\S-1-5-21\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater", "a.ps1"),
				processStart(host, eventId(), AT.minusSeconds(50), whoami, 7004, ps, 6120,
						"C:\\Windows\\System32\\whoami.exe", "whoami /all"),
				logon(host, eventId(), AT.minusSeconds(40)));
		es.indexEvents(events);

		MvcResult result = open(host, AT, 15, "tree");

		ProcessTree.Tree tree = (ProcessTree.Tree) result.getModelAndView().getModel().get("tree");
		assertThat(tree.processCount()).isEqualTo(4);
		assertThat(tree.roots()).singleElement().satisfies(root -> {
			assertThat(root.entityId()).isEqualTo(word);
			assertThat(root.children()).singleElement().satisfies(child -> {
				assertThat(child.entityId()).isEqualTo(wscript);
				ProcessTree.Node psNode = child.children().get(0);
				assertThat(psNode.entityId()).isEqualTo(ps);
				assertThat(psNode.commandLine()).isEqualTo("powershell -nop -w hidden -enc SQBFAFgA");
				assertThat(psNode.events()).extracting(HostEvent::code).containsExactly("1", "3", "11", "13");
				assertThat(psNode.children()).extracting(ProcessTree.Node::entityId).containsExactly(whoami);
			});
		});
		assertThat(tree.other()).extracting(HostEvent::code).containsExactly("4624");
		assertThat(result.getResponse().getContentAsString()).contains("tcp 10.20.4.37:50112 -&gt; 198.51.100.23:443",
				"registry HKU\\S-1-5-21\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater = a.ps1");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldMarkTheHostsAlertsInTheWindowAndLinkTheirIncidentsButNoOtherHostsAlerts() throws Exception {
		String ps = "{" + UUID.randomUUID() + "}";
		Map<String, Object> start = processStart(host, eventId(), AT.minusSeconds(30), ps, 6120, "{parent}", 5032,
				"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell -enc SQBFAFgA");
		Map<String, Object> net = network(host, eventId(), AT.minusSeconds(20), ps, 6120, "powershell.exe",
				"198.51.100.23", 443);
		Map<String, Object> earlier = logon(host, eventId(), AT.minus(3, ChronoUnit.HOURS));
		Map<String, Object> elsewhere = logon(otherHost, eventId(), AT);
		es.indexEvents(List.of(start, net, earlier, elsewhere));
		String ruleId = "it-host-rule-" + UUID.randomUUID();
		String inWindow = ruleId + "-in";
		long incident = HostFixtures.publishAlert(json, kafka, jdbc, inWindow, ruleId, "Encoded PowerShell", host, AT,
				List.of(start));
		HostFixtures.publishAlert(json, kafka, jdbc, ruleId + "-old", ruleId + "-old", "Old rule", host,
				AT.minus(3, ChronoUnit.HOURS), List.of(earlier));
		HostFixtures.publishAlert(json, kafka, jdbc, ruleId + "-other", ruleId + "-other", "Other host rule", otherHost,
				AT, List.of(elsewhere));

		MvcResult result = open(host, AT, 15, "tree");

		Map<String, Object> model = result.getModelAndView().getModel();
		assertThat((List<HostAlert>) model.get("alerts")).extracting(HostAlert::id).containsExactly(inWindow);
		assertThat(((Map<String, List<HostAlert>>) model.get("marks"))).containsOnlyKeys(id(start));
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("href=\"/incidents/" + incident + "\"", "Encoded PowerShell")
			.doesNotContain("Other host rule", "Old rule");
		assertThat(html).containsPattern("class=\"host-event alerted\"\\s+data-event-id=\"" + id(start) + "\"");
		assertThat(html).containsPattern("class=\"host-event\"\\s+data-event-id=\"" + id(net) + "\"");

		// the incident page links its alert to this timeline and its values to other hosts
		String incidentPage = mockMvc.perform(get("/incidents/{id}", incident).with(user("it-host-analyst").roles("ANALYST")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(incidentPage).containsPattern("class=\"timeline-link\"\\s+href=\"/hosts/" + Pattern.quote(host)
				+ "\\?at=" + AT.toString().replace(":", "(:|%3A)") + "&amp;minutes=15\"");
		assertThat(incidentPage).contains("class=\"pivot-link\" href=\"/search?q=");
	}

}
