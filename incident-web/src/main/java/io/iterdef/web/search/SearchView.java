package io.iterdef.web.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the search page shows of a {@link SearchResult}: table rows with their pretty JSON, histogram bars and
 * sidebar values with their links. Every value stays text here; the template prints it with th:text and the
 * script with textContent, so event values (attacker-controlled) are never markup.
 */
final class SearchView {

	/** The Elasticsearch side's Jackson 2 (com.fasterxml): event sources are the client's maps. */
	private static final ObjectMapper SOURCE_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

	static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

	/** One results row: the column values and the whole event as pretty JSON. */
	record Row(String id, String index, List<String> cells, String json) {
	}

	/** A sidebar value with its count and its filter links. */
	record ValueLink(String value, long count, String filterIn, String filterOut) {
	}

	/** A sidebar field and its top values. */
	record FieldValues(String field, List<ValueLink> values) {
	}

	/** A histogram bar for the chart script: its label, count and the link that narrows the range to it. */
	record Bar(String from, String to, String label, long count, String href) {
	}

	private SearchView() {
	}

	static List<Row> rows(SearchResult result, List<String> columns) {
		List<Row> rows = new ArrayList<>();
		for (EventHit hit : result.hits()) {
			List<String> cells = columns.stream().map(hit::value).toList();
			rows.add(new Row(hit.id(), hit.index(), cells, json(hit.source())));
		}
		return rows;
	}

	static String json(Map<String, Object> source) {
		try {
			return SOURCE_JSON.writeValueAsString(source);
		}
		catch (JsonProcessingException ex) {
			return String.valueOf(source);
		}
	}

	static List<FieldValues> sidebar(SearchResult result, SearchQuery query) {
		List<FieldValues> fields = new ArrayList<>();
		SearchLinks links = SearchLinks.of(query);
		for (Map.Entry<String, List<SearchResult.ValueCount>> field : result.topValues().entrySet()) {
			if (field.getValue().isEmpty()) {
				continue;
			}
			List<ValueLink> values = field.getValue()
				.stream()
				.map(v -> new ValueLink(v.value(), v.count(),
						links.with("q", LuceneFilters.filterIn(query.q(), field.getKey(), v.value())).search(),
						links.with("q", LuceneFilters.filterOut(query.q(), field.getKey(), v.value())).search()))
				.toList();
			fields.add(new FieldValues(field.getKey(), values));
		}
		return fields;
	}

	static List<Bar> bars(SearchResult result, SearchQuery query) {
		SearchLinks links = SearchLinks.of(query);
		return result.histogram()
			.buckets()
			.stream()
			.map(b -> new Bar(b.from().toString(), b.to().toString(), LABEL.format(b.from()), b.count(),
					links.with("from", b.from().toString()).with("to", b.to().toString()).search()))
			.toList();
	}

	static String total(SearchResult result) {
		return String.format("%,d", result.total()) + (result.totalIsLowerBound() ? "+" : "");
	}

	/** The links of the time presets: the same search over the last 15 min, hour, day or week. */
	static Map<String, String> presets(SearchQuery query) {
		Map<String, String> presets = new LinkedHashMap<>();
		SearchLinks links = SearchLinks.of(query).with("to", "now");
		presets.put("Last 15 min", links.with("from", "now-15m").search());
		presets.put("Last hour", links.with("from", "now-1h").search());
		presets.put("Last 24 h", links.with("from", "now-24h").search());
		presets.put("Last 7 days", links.with("from", "now-7d").search());
		return presets;
	}

}
