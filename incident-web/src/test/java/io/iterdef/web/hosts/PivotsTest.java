package io.iterdef.web.hosts;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PivotsTest {

	private final Pivots pivots = new Pivots();

	/** The query parameters of a link, decoded the way the server decodes them. */
	static Map<String, String> params(String link) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : URI.create(link).getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	@Test
	void shouldSearchTheValueOnOtherHostsWhenPivotingFromAField() {
		String link = pivots.search("process.hash.sha256", "abc123", "fin-ws07.corp");

		assertThat(link).startsWith("/search?q=");
		assertThat(params(link)).containsExactly(Map.entry("q", "process.hash.sha256:\"abc123\" AND NOT host.name:\"fin-ws07.corp\""),
				Map.entry("from", "now-7d"), Map.entry("to", "now"));
	}

	@Test
	void shouldEscapeQuotesAndBackslashesAndEncodeTheUrlWhenTheValueIsACommandLine() {
		String commandLine = "\"C:\\Windows\\System32\\cmd.exe\" /c echo a&b=c #x <script>";
		String link = pivots.search("process.command_line", commandLine, "h\"1");

		assertThat(link).doesNotContain(" ", "\"", "<", "&b=c", "#");
		assertThat(params(link).get("q")).isEqualTo(
				"process.command_line:\"\\\"C:\\\\Windows\\\\System32\\\\cmd.exe\\\" /c echo a&b=c #x <script>\" AND NOT host.name:\"h\\\"1\"");
		assertThat(params(link)).containsOnlyKeys("q", "from", "to");
	}

	@Test
	void shouldSearchDomainAndNameWhenTheObservableIsADomainUser() {
		String link = pivots.observable("user", "user.name", "THESHIRE\\pgustavo", "h1");

		assertThat(params(link).get("q"))
			.isEqualTo("(user.domain:\"THESHIRE\" AND user.name:\"pgustavo\") AND NOT host.name:\"h1\"");
		assertThat(params(pivots.observable("user", "user.name", "alice", "h1")).get("q"))
			.isEqualTo("user.name:\"alice\" AND NOT host.name:\"h1\"");
	}

	@Test
	void shouldSearchEveryFieldTheObservableWasSeenInWhenThereAreSeveral() {
		String link = pivots.observable("ip", "destination.ip, source.ip", "10.1.2.3", "h1");

		assertThat(params(link).get("q"))
			.isEqualTo("(destination.ip:\"10.1.2.3\" OR source.ip:\"10.1.2.3\") AND NOT host.name:\"h1\"");
	}

	@Test
	void shouldOfferNoPivotWhenTheObservableIsTheHostItself() {
		assertThat(pivots.observable("host", "host.name", "h1", "h1")).isNull();
	}

	@Test
	void shouldLinkTheTimelineAndTheHostSearchWithEncodedHostAndTimes() {
		Instant at = Instant.parse("2026-11-29T10:00:00Z");

		assertThat(pivots.timeline("fin ws/07", at, 15)).isEqualTo("/hosts/fin%20ws%2F07?at=2026-11-29T10%3A00%3A00Z&minutes=15");
		assertThat(params(pivots.hostSearch("h1", at.minusSeconds(900), at.plusSeconds(900))))
			.containsExactly(Map.entry("q", "host.name:\"h1\""), Map.entry("from", "2026-11-29T09:45:00Z"),
					Map.entry("to", "2026-11-29T10:15:00Z"));
	}

	@Test
	void shouldOfferPivotsForUsersHashesCommandLinesAndIpsButNotForEveryField() {
		assertThat(pivots.isPivotField("user.name")).isTrue();
		assertThat(pivots.isPivotField("process.hash.sha256")).isTrue();
		assertThat(pivots.isPivotField("process.command_line")).isTrue();
		assertThat(pivots.isPivotField("destination.ip")).isTrue();
		assertThat(pivots.isPivotField("event.code")).isFalse();
		assertThat(pivots.isPivotField("@timestamp")).isFalse();
	}

}
