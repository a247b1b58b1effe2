package io.iterdef.agent.server.upload;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadLayoutTest {

	@Test
	void shouldSplitAnUploadIntoFullChunksAndAShorterLastOne() {
		UploadRepository.Upload upload = upload(150_000, 65_536);

		assertThat(upload.chunks()).isEqualTo(3);
		assertThat(upload.chunkLength(0)).isEqualTo(65_536);
		assertThat(upload.chunkLength(1)).isEqualTo(65_536);
		assertThat(upload.chunkLength(2)).isEqualTo(150_000 - 131_072);
	}

	@Test
	void shouldHaveNoChunksForAnEmptyFileAndOneFullChunkForAnExactSize() {
		assertThat(upload(0, 1024).chunks()).isZero();
		assertThat(upload(1024, 1024).chunks()).isEqualTo(1);
		assertThat(upload(1024, 1024).chunkLength(0)).isEqualTo(1024);
	}

	private static UploadRepository.Upload upload(long size, int chunkBytes) {
		return new UploadRepository.Upload(UUID.randomUUID(), UUID.randomUUID(), "f", size, "0".repeat(64), chunkBytes,
				"receiving");
	}

}
