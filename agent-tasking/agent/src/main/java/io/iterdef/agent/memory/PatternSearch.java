package io.iterdef.agent.memory;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the chunks of one region after another for every pattern (Boyer-Moore-Horspool). The last
 * (longest pattern - 1) bytes of a chunk are kept in front of the next one, so a hit across a chunk boundary is
 * found, and found once (a hit is reported only when it ends in the new bytes). Stops at {@code maxHits}.
 */
final class PatternSearch {

	static final int CONTEXT_BYTES = 32;

	private final List<MemoryPattern> patterns;

	private final int[][] shifts;

	private final int carry;

	private final int maxHits;

	private final List<Map<String, Object>> hits = new ArrayList<>();

	private byte[] window = new byte[0];

	private int carried;

	private long windowAddress;

	private String region = "";

	PatternSearch(List<MemoryPattern> patterns, int maxHits) {
		this.patterns = List.copyOf(patterns);
		this.maxHits = maxHits;
		this.shifts = new int[patterns.size()][];
		int longest = 1;
		for (int p = 0; p < patterns.size(); p++) {
			byte[] pattern = patterns.get(p).bytes();
			longest = Math.max(longest, pattern.length);
			int[] shift = new int[256];
			java.util.Arrays.fill(shift, pattern.length);
			for (int i = 0; i < pattern.length - 1; i++) {
				shift[pattern[i] & 0xff] = pattern.length - 1 - i;
			}
			shifts[p] = shift;
		}
		this.carry = longest - 1;
	}

	/** A new region starts: nothing is carried over from the previous one. */
	void startRegion(long address, String name) {
		region = name;
		carried = 0;
		windowAddress = address;
	}

	/** Searches {@code length} new bytes of the current region (they follow the previous chunk's). */
	void chunk(byte[] bytes, int length) {
		int size = carried + length;
		byte[] next = new byte[size];
		System.arraycopy(window, window.length - carried, next, 0, carried);
		System.arraycopy(bytes, 0, next, carried, length);
		window = next;
		for (int p = 0; p < patterns.size() && !full(); p++) {
			search(p);
		}
		long consumedAddress = windowAddress + size;
		carried = Math.min(carry, size);
		windowAddress = consumedAddress - carried;
	}

	private void search(int p) {
		byte[] pattern = patterns.get(p).bytes();
		int[] shift = shifts[p];
		int last = pattern.length - 1;
		int at = 0;
		while (at + last < window.length && !full()) {
			int i = last;
			while (i >= 0 && window[at + i] == pattern[i]) {
				i--;
			}
			if (i < 0) {
				if (at + pattern.length > carried) { // ends in the new bytes: not reported with the previous chunk
					hit(p, at, pattern.length);
				}
				at++;
			}
			else {
				at += shift[window[at + last] & 0xff];
			}
		}
	}

	private void hit(int p, int at, int length) {
		int from = Math.max(0, at - Math.max(0, (CONTEXT_BYTES - length) / 2));
		int to = Math.min(window.length, from + CONTEXT_BYTES);
		Map<String, Object> hit = new LinkedHashMap<>();
		hit.put("pattern", patterns.get(p).label());
		hit.put("patternIndex", p);
		hit.put("address", "0x" + Long.toHexString(windowAddress + at));
		hit.put("region", region);
		hit.put("context", HexFormat.of().formatHex(window, from, to));
		hits.add(hit);
	}

	boolean full() {
		return hits.size() >= maxHits;
	}

	List<Map<String, Object>> hits() {
		return hits;
	}

}
