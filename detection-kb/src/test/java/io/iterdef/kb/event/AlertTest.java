package io.iterdef.kb.event;

import io.iterdef.kb.engine.DiscoveryReconCommandBurstTestAccess;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTest {

	@Test
	void shouldRoundTripWhenWrittenAndParsed() {
		Event e1 = DiscoveryReconCommandBurstTestAccess.start(Instant.parse("2026-11-17T10:00:05Z"), "whoami");
		Event e0 = DiscoveryReconCommandBurstTestAccess.start(Instant.parse("2026-11-17T10:00:00Z"), "ipconfig");
		Alert alert = Alert.of("0b6c3b1e-0000-4000-8000-000000000001", "R", "medium", "discovery",
				List.of("T1033"), "d", "h", List.of(e1, e0));
		assertThat(alert.getEventIds()).containsExactly(e0.getId(), e1.getId());
		assertThat(alert.getTimestamp()).isEqualTo(e1.getTimestamp());
		assertThat(alert.getId()).isEqualTo(Json.sha1Hex("0b6c3b1e-0000-4000-8000-000000000001|h|" + e0.getId()));
		Alert parsed = Alert.fromJson(alert.toJson());
		assertThat(parsed.toJsonString()).isEqualTo(alert.toJsonString());
		assertThat(Json.parseObject(alert.toJson()).fieldNames()).toIterable()
			.containsExactly("id", "@timestamp", "rule", "host", "group_key", "event_ids", "suppressed_count", "events");
		assertThat(parsed.getSuppressedCount()).isZero();
		assertThat(parsed.getLastSuppressedAt()).isNull();
	}

	@Test
	void shouldKeepIdAndTimeAndCarryTheCountWhenSuppressedMatchesAreAdded() {
		Event e0 = DiscoveryReconCommandBurstTestAccess.start(Instant.parse("2026-11-17T10:00:00Z"), "ipconfig");
		Alert alert = Alert.of("0b6c3b1e-0000-4000-8000-000000000001", "R", "medium", "discovery",
				List.of("T1033"), "d", "h", List.of(e0));
		Instant last = Instant.parse("2026-11-17T10:09:59.999Z");

		Alert update = alert.withSuppressed(7, last);

		assertThat(update.getId()).isEqualTo(alert.getId());
		assertThat(update.getTimestamp()).isEqualTo(alert.getTimestamp());
		assertThat(update.getSuppressedCount()).isEqualTo(7);
		ObjectNode json = Json.parseObject(update.toJson());
		assertThat(json.get("suppressed_count").asLong()).isEqualTo(7);
		assertThat(json.get("last_suppressed_at").asText()).isEqualTo("2026-11-17T10:09:59.999Z");
		Alert parsed = Alert.fromJson(update.toJson());
		assertThat(parsed.getSuppressedCount()).isEqualTo(7);
		assertThat(parsed.getLastSuppressedAt()).isEqualTo(last);
		assertThat(parsed.toJsonString()).isEqualTo(update.toJsonString());
	}

	@Test
	void shouldRecordTheRuleSetVersionWithoutChangingTheIdWhenAVersionIsGiven() {
		Event e0 = DiscoveryReconCommandBurstTestAccess.start(Instant.parse("2026-11-17T10:00:00Z"), "ipconfig");
		Alert alert = Alert.of("0b6c3b1e-0000-4000-8000-000000000001", "R", "medium", "discovery",
				List.of("T1033"), "d", "h", List.of(e0));

		Alert versioned = alert.withRulesetVersion("20261129T004900Z-0123abcd").withSuppressed(2, e0.getTimestamp());

		assertThat(versioned.getId()).isEqualTo(alert.getId());
		ObjectNode json = Json.parseObject(versioned.toJson());
		assertThat(json.get("ruleset_version").asText()).isEqualTo("20261129T004900Z-0123abcd");
		assertThat(Alert.fromJson(versioned.toJson()).getRulesetVersion()).isEqualTo("20261129T004900Z-0123abcd");
		assertThat(alert.getRulesetVersion()).isNull();
	}

	@Test
	void shouldResolveDottedPathsWhenFieldIsAsked() {
		Event e = DiscoveryReconCommandBurstTestAccess.start(Instant.parse("2026-11-17T10:00:00Z"), "whoami");
		assertThat(e.field("process.command_line")).isEqualTo("whoami");
		assertThat(e.field("event.category")).isEqualTo(List.of("process"));
		assertThat(e.fieldString("host.name")).isEqualTo("h");
		assertThat(e.field("no.such.field")).isNull();
		assertThat(Event.fromJson(e.toJson())).isEqualTo(e);
	}
}
