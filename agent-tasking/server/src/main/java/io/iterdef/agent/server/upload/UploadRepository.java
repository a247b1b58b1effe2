package io.iterdef.agent.server.upload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploads and upload_chunks tables. */
@Repository
class UploadRepository {

	private final JdbcClient jdbc;

	UploadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The byte budget of a task leased to this agent; empty when it is not (the agent gets a 404). */
	Optional<Long> leasedTaskBudget(UUID taskId, UUID agentId) {
		return jdbc.sql("SELECT max_bytes FROM tasks WHERE id = :task AND agent_id = :agent AND state = 'leased'")
			.param("task", taskId)
			.param("agent", agentId)
			.query(Long.class)
			.optional();
	}

	int countForTask(UUID taskId) {
		return jdbc.sql("SELECT count(*) FROM uploads WHERE task_id = :task")
			.param("task", taskId)
			.query(Integer.class)
			.single();
	}

	void insert(UUID id, UUID taskId, String name, long size, String sha256, int chunkBytes) {
		jdbc.sql("""
				INSERT INTO uploads (id, task_id, name, size, sha256, chunk_bytes)
				VALUES (:id, :task, :name, :size, :sha, :chunk)""")
			.param("id", id)
			.param("task", taskId)
			.param("name", name)
			.param("size", size)
			.param("sha", sha256)
			.param("chunk", chunkBytes)
			.update();
	}

	/** An upload of a task leased to this agent (any other agent's upload is not found). */
	Optional<Upload> find(UUID uploadId, UUID agentId) {
		return jdbc.sql("""
				SELECT u.id, u.task_id, u.name, u.size, u.sha256, u.chunk_bytes, u.state
				FROM uploads u JOIN tasks t ON t.id = u.task_id
				WHERE u.id = :id AND t.agent_id = :agent AND t.state = 'leased'""")
			.param("id", uploadId)
			.param("agent", agentId)
			.query((rs, n) -> new Upload(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
					rs.getString("name"), rs.getLong("size"), rs.getString("sha256"), rs.getInt("chunk_bytes"),
					rs.getString("state")))
			.optional();
	}

	/** Stores a chunk once (a repeated index is ignored); true when it was new. */
	boolean insertChunk(UUID uploadId, int index, byte[] data) {
		boolean inserted = jdbc.sql("""
				INSERT INTO upload_chunks (upload_id, idx, data) VALUES (:id, :idx, :data)
				ON CONFLICT (upload_id, idx) DO NOTHING""")
			.param("id", uploadId)
			.param("idx", index)
			.param("data", data)
			.update() > 0;
		if (inserted) {
			jdbc.sql("UPDATE uploads SET received_bytes = received_bytes + :n WHERE id = :id")
				.param("n", data.length)
				.param("id", uploadId)
				.update();
		}
		return inserted;
	}

	int chunkCount(UUID uploadId) {
		return jdbc.sql("SELECT count(*) FROM upload_chunks WHERE upload_id = :id")
			.param("id", uploadId)
			.query(Integer.class)
			.single();
	}

	Optional<byte[]> chunk(UUID uploadId, int index) {
		return jdbc.sql("SELECT data FROM upload_chunks WHERE upload_id = :id AND idx = :idx")
			.param("id", uploadId)
			.param("idx", index)
			.query((rs, n) -> rs.getBytes("data"))
			.optional();
	}

	void complete(UUID uploadId) {
		jdbc.sql("UPDATE uploads SET state = 'complete', finished_at = now() WHERE id = :id AND state = 'receiving'")
			.param("id", uploadId)
			.update();
	}

	/** Marks an upload refused and drops its bytes. */
	void refuse(UUID uploadId) {
		jdbc.sql("DELETE FROM upload_chunks WHERE upload_id = :id").param("id", uploadId).update();
		jdbc.sql("UPDATE uploads SET state = 'refused', received_bytes = 0, finished_at = now() WHERE id = :id")
			.param("id", uploadId)
			.update();
	}

	/** The complete uploads of a task among {@code ids}. */
	List<UploadedFile> complete(UUID taskId, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, name, size, sha256 FROM uploads
				WHERE task_id = :task AND state = 'complete' AND id IN (:ids) ORDER BY created_at, id""")
			.param("task", taskId)
			.param("ids", ids)
			.query((rs, n) -> new UploadedFile(rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("size"),
					rs.getString("sha256")))
			.list();
	}

	/** A stored upload. */
	record Upload(UUID id, UUID taskId, String name, long size, String sha256, int chunkBytes, String state) {

		/** How many chunks make up the upload (0 for an empty file). */
		int chunks() {
			return (int) ((size + chunkBytes - 1) / chunkBytes);
		}

		/** The length chunk {@code index} must have. */
		long chunkLength(int index) {
			return index < chunks() - 1 ? chunkBytes : size - (long) (chunks() - 1) * chunkBytes;
		}

	}

}
