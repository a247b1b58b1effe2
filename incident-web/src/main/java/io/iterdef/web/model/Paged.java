package io.iterdef.web.model;

import java.util.List;

/**
 * One page of a list, 1-based, with what the shared {@code fragments/pagination} template needs.
 * Controllers build it with {@link #request(int, int)} and {@link #of(List, PageRequest, long)}.
 */
public record Paged<T>(List<T> content, int page, int size, long totalItems) {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 200;

	/** A page request clamped to sane values: page >= 1, 1 <= size <= MAX_SIZE. */
	public record PageRequest(int page, int size) {

		public int offset() {
			return (page - 1) * size;
		}

	}

	public static PageRequest request(int page, int size) {
		int s = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		return new PageRequest(Math.max(page, 1), s);
	}

	public static <T> Paged<T> of(List<T> content, PageRequest request, long totalItems) {
		return new Paged<>(List.copyOf(content), request.page(), request.size(), totalItems);
	}

	public int totalPages() {
		return (int) Math.max(1, (totalItems + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < totalPages();
	}

	public boolean isEmpty() {
		return content.isEmpty();
	}

}
