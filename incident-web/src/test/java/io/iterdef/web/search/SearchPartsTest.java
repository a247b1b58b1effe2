package io.iterdef.web.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parts of a search: page tokens, columns, sidebar filters, CSV fields, field values and links. */
class SearchPartsTest {

	@Test
	void shouldRoundTripAPageTokenAndRefuseATamperedOne() {
		PageToken token = new PageToken(1764410400123L, "7f58eadbb19e2c4afb49");
		assertThat(PageToken.decode(token.encode())).isEqualTo(token);
		assertThat(PageToken.decode("")).isNull();
		String forged = Base64.getUrlEncoder().encodeToString("{\"match_all\":{}}".getBytes(StandardCharsets.UTF_8));
		for (String bad : List.of("not base64!", forged, "x".repeat(500),
				Base64.getUrlEncoder().encodeToString("99999999999999999999:a".getBytes(StandardCharsets.UTF_8)))) {
			assertThatThrownBy(() -> PageToken.decode(bad)).isInstanceOf(InvalidSearchException.class)
				.hasMessageContaining("start the search again");
		}
	}

	@Test
	void shouldParseColumnsAndRefuseWhatIsNotAFieldName() {
		assertThat(Columns.parse(null)).isEqualTo(Columns.DEFAULT);
		assertThat(Columns.parse(" host.name , user.name,,host.name")).containsExactly("host.name", "user.name");
		assertThatThrownBy(() -> Columns.parse("host.name,<script>")).isInstanceOf(InvalidSearchException.class)
			.hasMessageContaining("is not a field name");
	}

	@Test
	void shouldQuoteAndEscapeValuesWhenFilteringInOrOut() {
		assertThat(LuceneFilters.filterIn("", "host.name", "ws01")).isEqualTo("host.name:\"ws01\"");
		assertThat(LuceneFilters.filterIn("event.code:4624", "user.name", "a\"b\\c"))
			.isEqualTo("event.code:4624 AND user.name:\"a\\\"b\\\\c\"");
		assertThat(LuceneFilters.filterOut("user.name:a OR user.name:b", "host.name", "ws01"))
			.isEqualTo("(user.name:a OR user.name:b) AND NOT host.name:\"ws01\"");
		assertThat(LuceneFilters.filterOut("", "winlog.event_data.Some Field", "x"))
			.isEqualTo("NOT winlog.event_data.Some\\ Field:\"x\"");
	}

	@Test
	void shouldQuoteCsvFieldsAndDefuseFormulasWhenWriting() {
		assertThat(CsvWriter.field("plain")).isEqualTo("plain");
		assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(CsvWriter.field("say \"hi\"\r\nbye")).isEqualTo("\"say \"\"hi\"\"\r\nbye\"");
		assertThat(CsvWriter.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
		assertThat(CsvWriter.field("-cmd")).isEqualTo("'-cmd");
		assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvWriter.field(null)).isEmpty();
	}

	@Test
	void shouldKeepTheHeaderAsIsAndGuardTheRowsWhenWritingCsv() throws java.io.IOException {
		java.io.StringWriter out = new java.io.StringWriter();
		CsvWriter csv = new CsvWriter(out);
		csv.header(List.of("@timestamp", "user.name"));
		csv.row(List.of("2026-11-29T10:00:00Z", "@evil"));
		assertThat(out.toString()).isEqualTo("@timestamp,user.name\r\n2026-11-29T10:00:00Z,'@evil\r\n");
	}

	@Test
	void shouldReadNestedDottedAndListValuesWhenShowingAColumn() {
		EventHit hit = new EventHit("events-x", "id", Map.of("process", Map.of("parent", Map.of("pid", 42)),
				"event", Map.of("category", List.of("process", "network")), "winlog.flat", "v"), null);
		assertThat(hit.value("process.parent.pid")).isEqualTo("42");
		assertThat(hit.value("event.category")).isEqualTo("process, network");
		assertThat(hit.value("winlog.flat")).isEqualTo("v");
		assertThat(hit.value("user.name")).isEmpty();
	}

	@Test
	void shouldEncodeEveryParameterWhenBuildingALink() {
		String url = SearchLinks.of("a:\"b c\" AND d:+x&y", "now-1h", "now", "host.name", "desc").search();
		assertThat(url).isEqualTo("/search?q=a%3A%22b+c%22+AND+d%3A%2Bx%26y&from=now-1h&to=now&columns=host.name&sort=desc");
	}

	@Test
	void shouldKeepSidebarFieldsAggregatable() {
		assertThat(SidebarFields.forColumns(List.of("@timestamp", "message", "process.command_line", "host.name")))
			.startsWith("process.command_line", "host.name")
			.doesNotContain("@timestamp", "message")
			.contains("user.name", "winlog.channel", "source.ip");
	}

}
