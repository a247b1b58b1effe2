package io.iterdef.web.search;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.iterdef.web.StackSupport;
import io.iterdef.web.es.EsFixtures;
import io.iterdef.web.es.EsProperties;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static io.iterdef.web.search.SearchFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of query against the real Elasticsearch node, on fixture events indexed by the test under a random
 * tag and random host names (every query filters by the tag). Times are whole hours before now, so relative
 * and absolute ranges have clear margins.
 */
class EventSearchIT extends StackSupport {

	static final String RUN = "it-search-" + UUID.randomUUID();

	static final String A = "it-" + UUID.randomUUID() + "-a.corp";

	static final String B = "it-" + UUID.randomUUID() + "-b.corp";

	static final String C = "it-" + UUID.randomUUID() + "-c.corp";

	/** 3 to 4 hours ago, on the hour. */
	static final Instant T = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

	private static boolean indexed;

	@Autowired
	private EventSearch search;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	@Autowired
	private EsProperties es;

	@BeforeEach
	void indexFixtures() {
		if (indexed) {
			return;
		}
		List<Map<String, Object>> events = new ArrayList<>(List.of(
				event(RUN + "-a1", T, A, "4624", "alice", "powershell.exe", "powershell -enc SQBFAFgA", 100, RUN),
				event(RUN + "-a2", T.plusSeconds(10), A, "4625", "bob", "cmd.exe", "cmd /c whoami /all", 200, RUN),
				event(RUN + "-a3", T.plusSeconds(20), A, "1", "alice", "powershell_ise.exe", "=HYPERLINK(\"http://x\",\"a,b\")",
						300, RUN),
				event(RUN + "-b4", T.plusSeconds(40 * 60), B, "4688", "alice", "net.exe", "net user", 400, RUN),
				event(RUN + "-b5", T.plusSeconds(41 * 60), B, "4624", "carol", "svchost.exe", null, 5000, RUN),
				event(RUN + "-b6", T.plusSeconds(45 * 60), B, "3", "<script>x</script>", null, null, null, RUN)));
		events.addAll(SearchFixtures.many(RUN + "-c", T.plusSeconds(150 * 60), C, 250, RUN));
		new EsFixtures(client, rest).indexEvents(events);
		indexed = true;
	}

	private SearchResult run(String q, String from, String to, String sort, int size) {
		return search.search(query(q, from, to, sort), null, null, size, List.of("host.name", "user.name"));
	}

	private static SearchQuery query(String q, String from, String to, String sort) {
		return SearchQuery.parse("tags:\"" + RUN + "\" AND (" + q + ")", from, to, "host.name,user.name,process.command_line",
				sort, Instant.now());
	}

	/** The ids of the matches in the first 3 hours of the fixtures (hosts A and B). */
	private List<String> ids(String q) {
		return run(q, T.toString(), T.plusSeconds(3 * 3600).toString(), "asc", 200).hits()
			.stream()
			.map(h -> h.id().substring(RUN.length() + 1))
			.toList();
	}

	@Test
	void shouldMatchFieldValuesExactly() {
		assertThat(ids("host.name:\"" + A + "\"")).containsExactly("a1", "a2", "a3");
		assertThat(ids("user.name:alice")).containsExactly("a1", "a3", "b4");
		assertThat(ids("event.code:4624")).containsExactly("a1", "b5");
	}

	@Test
	void shouldMatchWildcards() {
		assertThat(ids("process.command_line:*whoami*")).containsExactly("a2");
		assertThat(ids("process.name:power*")).containsExactly("a1", "a3");
	}

	@Test
	void shouldMatchRangesOnKeywordNumericAndDateFields() {
		assertThat(ids("event.code:[4624 TO 4625]")).containsExactly("a1", "a2", "b5");
		assertThat(ids("process.pid:[150 TO 450]")).containsExactly("a2", "a3", "b4");
		assertThat(ids("@timestamp:[\"" + T.plusSeconds(5) + "\" TO \"" + T.plusSeconds(40 * 60) + "\"]"))
			.containsExactly("a2", "a3", "b4");
	}

	@Test
	void shouldCombineWithBooleanOperatorsAndParentheses() {
		assertThat(ids("(user.name:alice OR user.name:carol) AND NOT host.name:\"" + A + "\"")).containsExactly("b4", "b5");
		assertThat(ids("user.name:bob || process.pid:5000")).containsExactly("a2", "b5");
		assertThat(ids("host.name:\"" + B + "\" -user.name:alice")).containsExactly("b5", "b6");
	}

	@Test
	void shouldApplyAbsoluteRangesWithToExcluded() {
		assertThat(run("*:*", T.toString(), T.plusSeconds(30).toString(), "asc", 50).hits()).extracting(EventHit::id)
			.containsExactly(RUN + "-a1", RUN + "-a2", RUN + "-a3");
		assertThat(run("*:*", T.plusSeconds(10).toString(), T.plusSeconds(20).toString(), "asc", 50).hits())
			.extracting(EventHit::id)
			.containsExactly(RUN + "-a2");
	}

	@Test
	void shouldApplyRelativeRanges() {
		SearchResult lastTwoHours = run("*:*", "now-2h", "now", "desc", 10);
		assertThat(lastTwoHours.total()).isEqualTo(250);
		assertThat(lastTwoHours.hits()).allSatisfy(h -> assertThat(h.value("host.name")).isEqualTo(C));
		assertThat(run("*:*", "now-5h", "now", "desc", 10).total()).isEqualTo(256);
		assertThat(run("*:*", "now-15m", "now", "desc", 10).total()).isZero();
	}

	@Test
	void shouldSortByTimeBothWays() {
		SearchResult ascending = run("*:*", "now-5h", "now", "asc", 3);
		assertThat(ascending.hits()).extracting(EventHit::id).containsExactly(RUN + "-a1", RUN + "-a2", RUN + "-a3");
		SearchResult descending = run("*:*", "now-5h", "now", "desc", 2);
		assertThat(descending.hits()).extracting(EventHit::id).containsExactly(RUN + "-c-0249", RUN + "-c-0248");
	}

	@Test
	void shouldPageThroughEveryEventOnceWithSearchAfterAndBack() {
		SearchQuery query = query("host.name:\"" + C + "\"", "now-5h", "now", "asc");
		List<String> sidebar = List.of();
		Set<String> seen = new HashSet<>();
		List<SearchResult> pages = new ArrayList<>();
		SearchResult page = search.search(query, null, null, 100, sidebar);
		pages.add(page);
		assertThat(page.previous()).isNull();
		while (page.next() != null) {
			page = search.search(query, PageToken.decode(page.next().encode()), null, 100, sidebar);
			pages.add(page);
		}
		for (SearchResult p : pages) {
			for (EventHit hit : p.hits()) {
				assertThat(seen.add(hit.id())).as("seen once: " + hit.id()).isTrue();
			}
		}
		assertThat(pages).hasSize(3);
		assertThat(pages.get(2).hits()).hasSize(50);
		assertThat(seen).hasSize(250);
		SearchResult back = search.search(query, null, pages.get(2).previous(), 100, sidebar);
		assertThat(back.hits()).extracting(EventHit::id).isEqualTo(pages.get(1).hits().stream().map(EventHit::id).toList());
		SearchResult first = search.search(query, null, back.previous(), 100, sidebar);
		assertThat(first.hits()).extracting(EventHit::id).isEqualTo(pages.get(0).hits().stream().map(EventHit::id).toList());
		assertThat(first.previous()).isNull();
		assertThat(first.next()).isNotNull();
	}

	@Test
	void shouldCountEventsPerBucketOfTheHistogram() {
		SearchResult result = run("NOT host.name:\"" + C + "\"", T.toString(), T.plusSeconds(3600).toString(), "asc", 10);
		SearchResult.Histogram histogram = result.histogram();
		assertThat(histogram.interval().expression()).isEqualTo("1m");
		assertThat(histogram.buckets()).hasSize(60);
		assertThat(histogram.buckets().get(0).from()).isEqualTo(T);
		assertThat(histogram.buckets().get(0).count()).isEqualTo(3);
		assertThat(histogram.buckets().get(40).count()).isEqualTo(1);
		assertThat(histogram.buckets().get(41).count()).isEqualTo(1);
		assertThat(histogram.buckets().get(45).count()).isEqualTo(1);
		assertThat(histogram.buckets().stream().mapToLong(SearchResult.Bucket::count).sum()).isEqualTo(6);
	}

	@Test
	void shouldGiveTopValuesAndFilterInAndOut() {
		String q = "NOT host.name:\"" + C + "\"";
		SearchResult result = run(q, T.toString(), T.plusSeconds(3600).toString(), "asc", 10);
		assertThat(result.topValues().get("user.name")).containsExactly(new SearchResult.ValueCount("alice", 3),
				new SearchResult.ValueCount("<script>x</script>", 1), new SearchResult.ValueCount("bob", 1),
				new SearchResult.ValueCount("carol", 1));
		assertThat(result.topValues().get("host.name")).containsExactlyInAnyOrder(new SearchResult.ValueCount(A, 3),
				new SearchResult.ValueCount(B, 3));

		SearchResult in = run(LuceneFilters.filterIn(q, "user.name", "<script>x</script>"), T.toString(),
				T.plusSeconds(3600).toString(), "asc", 10);
		assertThat(in.hits()).extracting(EventHit::id).containsExactly(RUN + "-b6");
		SearchResult out = run(LuceneFilters.filterOut(q, "host.name", B), T.toString(), T.plusSeconds(3600).toString(),
				"asc", 10);
		assertThat(out.hits()).extracting(h -> h.value("host.name")).containsExactly(A, A, A);
	}

	@Test
	void shouldExplainABadQueryAndAMissingIndexAndADownCluster() {
		assertThatThrownBy(() -> search.search(SearchQuery.parse("host.name:(", null, null, null, null, Instant.now()), null,
				null, 10, List.of()))
			.isInstanceOfSatisfying(SearchFailedException.class,
					ex -> assertThat(ex.kind()).isEqualTo(SearchFailedException.Kind.BAD_QUERY))
			.hasMessageStartingWith("Elasticsearch could not parse the query: ")
			.hasMessageContaining("host.name:(");
		// one hour of one daily index: the other indices are skipped (can_match), the one searched refuses the query
		assertThatThrownBy(() -> search.search(SearchQuery.parse("host.name:(", T.toString(), T.plusSeconds(3600).toString(),
				null, null, Instant.now()), null, null, 10, List.of()))
			.hasMessageStartingWith("Elasticsearch could not parse the query: ");

		EsProperties none = new EsProperties(es.url(), "", "", "", "it-none-" + UUID.randomUUID() + "-*", "alerts-*",
				es.timeout());
		EventSearch empty = new EventSearch(client, none, search.limits());
		assertThatThrownBy(() -> empty.count(query("*:*", "now-1h", "now", "desc"), 10))
			.hasMessageStartingWith("No events indexed yet");

		EsProperties down = new EsProperties("http://127.0.0.1:1", "", "", "", "events-*", "alerts-*", es.timeout());
		try (RestClient unreachable = RestClient.builder(HttpHost.create(down.url())).build()) {
			EventSearch offline = new EventSearch(
					new ElasticsearchClient(new RestClientTransport(unreachable, new JacksonJsonpMapper())), down,
					search.limits());
			assertThatThrownBy(() -> offline.count(query("*:*", "now-1h", "now", "desc"), 10))
				.hasMessage("Elasticsearch at http://127.0.0.1:1 is not reachable; start it or set ITERDEF_ES_URL.");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void shouldStopTheExportAtTheCapAndSayItWasTruncated() throws Exception {
		SearchProperties smallCap = new SearchProperties(50, 200, 100, 10, 10000);
		ExportController export = new ExportController(new EventSearch(client, es, smallCap));
		String q = "tags:\"" + RUN + "\" AND host.name:\"" + C + "\"";

		ResponseEntity<StreamingResponseBody> capped = export.export("csv", q, "now-5h", "now", "host.name,process.pid",
				"asc");
		assertThat(capped.getHeaders().getFirst(ExportController.TRUNCATED_HEADER)).isEqualTo("true");
		String[] lines = body(capped).split("\r\n");
		assertThat(lines).hasSize(101);
		assertThat(lines[0]).isEqualTo("host.name,process.pid");
		assertThat(lines[1]).isEqualTo(C + ",10000");

		ResponseEntity<StreamingResponseBody> whole = export.export("ndjson", q + " AND process.pid:[10000 TO 10099]",
				"now-5h", "now", null, "asc");
		assertThat(whole.getHeaders().getFirst(ExportController.TRUNCATED_HEADER)).isEqualTo("false");
		assertThat(whole.getHeaders().getContentDisposition().getFilename()).endsWith(".ndjson");
		assertThat(body(whole).split("\n")).hasSize(100);
	}

	private static String body(ResponseEntity<StreamingResponseBody> response) throws java.io.IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		response.getBody().writeTo(out);
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
