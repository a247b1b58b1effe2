package io.iterdef.web.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagedTest {

	@Test
	void shouldClampRequestWhenValuesAreOutOfRange() {
		assertThat(Paged.request(0, 0)).isEqualTo(new Paged.PageRequest(1, Paged.DEFAULT_SIZE));
		assertThat(Paged.request(3, 10_000)).isEqualTo(new Paged.PageRequest(3, Paged.MAX_SIZE));
		assertThat(Paged.request(3, 10).offset()).isEqualTo(20);
	}

	@Test
	void shouldComputePagesWhenItemsSpanSeveralPages() {
		Paged<String> middle = Paged.of(List.of("a"), Paged.request(2, 10), 21);

		assertThat(middle.totalPages()).isEqualTo(3);
		assertThat(middle.hasPrevious()).isTrue();
		assertThat(middle.hasNext()).isTrue();
		Paged<String> last = Paged.of(List.of("a"), Paged.request(3, 10), 21);
		assertThat(last.hasNext()).isFalse();
	}

	@Test
	void shouldHaveOnePageWhenEmpty() {
		Paged<String> empty = Paged.of(List.of(), Paged.request(1, 10), 0);

		assertThat(empty.totalPages()).isEqualTo(1);
		assertThat(empty.hasPrevious()).isFalse();
		assertThat(empty.hasNext()).isFalse();
		assertThat(empty.isEmpty()).isTrue();
	}

}
