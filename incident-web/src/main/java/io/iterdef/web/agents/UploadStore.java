package io.iterdef.web.agents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.web.agents.AgentRows.UploadRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files agents uploaded (uploads, upload_chunks): listed per task and streamed chunk by chunk, in order. */
@Repository
public class UploadStore {

	private static final String COLUMNS = "id, task_id, name, size, sha256, state";

	private final JdbcClient jdbc;

	UploadStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<UploadRow> uploads(UUID taskId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM uploads WHERE task_id = :task ORDER BY created_at, id")
			.param("task", taskId)
			.query(UploadStore::row)
			.list();
	}

	public Optional<UploadRow> upload(UUID taskId, UUID uploadId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM uploads WHERE id = :id AND task_id = :task")
			.param("id", uploadId)
			.param("task", taskId)
			.query(UploadStore::row)
			.optional();
	}

	/**
	 * Writes the upload's chunks in index order, one chunk in memory at a time; returns the bytes written. Stops at
	 * the first missing index (a complete upload has none).
	 */
	public long copy(UUID uploadId, OutputStream out) {
		int chunks = jdbc.sql("SELECT count(*) FROM upload_chunks WHERE upload_id = :id").param("id", uploadId)
			.query(Integer.class)
			.single();
		long written = 0;
		for (int idx = 0; idx < chunks; idx++) {
			Optional<byte[]> data = jdbc.sql("SELECT data FROM upload_chunks WHERE upload_id = :id AND idx = :idx")
				.param("id", uploadId)
				.param("idx", idx)
				.query((rs, n) -> rs.getBytes("data"))
				.optional();
			if (data.isEmpty()) {
				break;
			}
			try {
				out.write(data.get());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			written += data.get().length;
		}
		return written;
	}

	private static UploadRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new UploadRow(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class), rs.getString("name"),
				rs.getLong("size"), rs.getString("sha256"), rs.getString("state"));
	}

}
