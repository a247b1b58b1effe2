package io.iterdef.bench.system.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BulkLoopTest {

	@Test
	void shouldWriteAnActionLineBeforeEachDocumentWhenBatching() {
		BulkLoop.Batch batch = new BulkLoop.Batch("events-1234.05.06");
		batch.add("a\"1", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
		batch.add("b2", "{\"x\":2}".getBytes(StandardCharsets.UTF_8));

		assertThat(batch.body()).isEqualTo("""
				{"index":{"_index":"events-1234.05.06","_id":"a\\"1"}}
				{"x":1}
				{"index":{"_index":"events-1234.05.06","_id":"b2"}}
				{"x":2}
				""");
		assertThat(batch.operations()).isEqualTo(2);
	}

	@Test
	void shouldBeFullWhenItHoldsTheIndexersOperationCount() {
		BulkLoop.Batch batch = new BulkLoop.Batch("i");
		byte[] doc = "{}".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < BulkLoop.MAX_OPERATIONS - 1; i++) {
			batch.add("id" + i, doc);
		}
		assertThat(batch.full()).isFalse();

		batch.add("last", doc);

		assertThat(batch.full()).isTrue();
		batch.clear();
		assertThat(batch.operations()).isZero();
		assertThat(batch.body()).isEmpty();
	}

	@Test
	void shouldNameTheFirstRefusedItemWhenABulkHasErrors() throws Exception {
		String response = """
				{"errors":true,"items":[{"index":{"_id":"1","status":201}},
				{"index":{"_id":"2","status":400,"error":{"type":"document_parsing_exception","reason":"bad"}}}]}""";

		String error = BulkLoop.firstError(new ObjectMapper().readTree(response));

		assertThat(error).startsWith("400").contains("document_parsing_exception");
	}
}
