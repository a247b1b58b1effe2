package io.iterdef.agent.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.iterdef.agent.task.TaskFailedException;

class PatternSearchTest {

	private static final byte[] MEMORY = "....MZ......abcdefgh....MZ..abcdefgh".getBytes(StandardCharsets.US_ASCII);

	@Test
	void shouldFindHitsAcrossChunkBoundariesOnceWhenChunksAreSmall() {
		for (int chunk = 1; chunk <= MEMORY.length; chunk++) {
			PatternSearch search = search(List.of(Map.of("hex", "4d5a"), Map.of("text", "abcdefgh")), 100);
			search.startRegion(0x1000, "[heap]");
			for (int at = 0; at < MEMORY.length; at += chunk) {
				byte[] part = java.util.Arrays.copyOfRange(MEMORY, at, Math.min(MEMORY.length, at + chunk));
				search.chunk(part, part.length);
			}

			assertThat(search.hits()).as("chunk size " + chunk)
				.extracting(hit -> hit.get("address"))
				.containsExactlyInAnyOrder("0x1004", "0x1018", "0x100c", "0x101c");
		}
	}

	@Test
	void shouldReportPatternRegionAndContextWhenAHitIsFound() {
		PatternSearch search = search(List.of(Map.of("hex", "4d 5A")), 100);
		search.startRegion(0x2000, "/usr/lib/libc.so.6");
		search.chunk(MEMORY, MEMORY.length);

		Map<String, Object> hit = search.hits().get(0);
		assertThat(hit).containsEntry("pattern", "4d5a").containsEntry("patternIndex", 0)
			.containsEntry("address", "0x2004").containsEntry("region", "/usr/lib/libc.so.6");
		assertThat((String) hit.get("context")).startsWith("2e2e2e2e4d5a").hasSize(64);
	}

	@Test
	void shouldNotCarryBytesAcrossRegionsWhenANewRegionStarts() {
		PatternSearch search = search(List.of(Map.of("text", "MZ")), 100);
		search.startRegion(0x1000, "a");
		search.chunk("..M".getBytes(StandardCharsets.US_ASCII), 3);
		search.startRegion(0x5000, "b");
		search.chunk("Z..".getBytes(StandardCharsets.US_ASCII), 3);

		assertThat(search.hits()).isEmpty();
	}

	@Test
	void shouldStopAtMaxHits() {
		PatternSearch search = search(List.of(Map.of("text", ".")), 3);
		search.startRegion(0, "a");
		search.chunk(MEMORY, MEMORY.length);

		assertThat(search.hits()).hasSize(3);
		assertThat(search.full()).isTrue();
	}

	@Test
	void shouldEncodeUtf16leWhenAsked() {
		List<MemoryPattern> patterns = MemoryPattern.parse(List.of(Map.of("text", "lsass", "encoding", "utf16le")));

		assertThat(patterns.get(0).bytes()).isEqualTo("l\0s\0a\0s\0s\0".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void shouldRefuseBadPatterns() {
		assertThatThrownBy(() -> MemoryPattern.parse(List.of())).isInstanceOf(TaskFailedException.class);
		assertThatThrownBy(() -> MemoryPattern.parse(java.util.Collections.nCopies(17, Map.of("hex", "00"))))
			.hasMessageContaining("at most 16 patterns");
		assertThatThrownBy(() -> MemoryPattern.parse(List.of(Map.of("hex", "4d5")))).hasMessageContaining("even number");
		assertThatThrownBy(() -> MemoryPattern.parse(List.of(Map.of("hex", "zz")))).hasMessageContaining("hex digits");
		assertThatThrownBy(() -> MemoryPattern.parse(List.of(Map.of("text", "x".repeat(257)))))
			.hasMessageContaining("at most 256");
		assertThatThrownBy(() -> MemoryPattern.parse(List.of(Map.of("text", "x", "encoding", "latin1"))))
			.hasMessageContaining("utf8 or utf16le");
		assertThatThrownBy(() -> MemoryPattern.parse(List.of(Map.of("text", "x", "hex", "00"))))
			.hasMessageContaining("exactly one");
	}

	@Test
	void shouldSelectReadableNonSpecialRegionsWhenParsingMaps() {
		List<MemoryRegion> regions = MemoryRegion.parse(List.of(
				"55d0c0a00000-55d0c0a21000 rw-p 00000000 00:00 0                          [heap]",
				"7f1c2c000000-7f1c2c021000 rw-p 00000000 00:00 0 ",
				"7f1c30000000-7f1c30010000 ---p 00000000 00:00 0 ",
				"7f1c34000000-7f1c34200000 r-xp 00000000 08:01 1234   /usr/lib/x86_64-linux-gnu/libc.so.6",
				"7f1c38000000-7f1c38001000 rw-s 00000000 00:05 99     /dev/dri/card0",
				"7ffd1e5f0000-7ffd1e5f4000 r--p 00000000 00:00 0                          [vvar]",
				"ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]"));

		assertThat(regions).hasSize(7);
		assertThat(regions.stream().filter(MemoryRegion::scannable).map(MemoryRegion::label))
			.containsExactly("[heap]", "[anon]", "/usr/lib/x86_64-linux-gnu/libc.so.6");
	}

	private static PatternSearch search(List<Map<String, Object>> patterns, int maxHits) {
		return new PatternSearch(MemoryPattern.parse(patterns), maxHits);
	}

}
