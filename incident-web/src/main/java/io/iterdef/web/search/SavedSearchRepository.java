package io.iterdef.web.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved_searches table (V8); plain parameterized SQL. */
@Repository
class SavedSearchRepository {

	private final JdbcClient jdbc;

	SavedSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Saves; throws {@link DuplicateKeyException} when the owner already has a search of that name. */
	long insert(String owner, String name, SearchQuery query, boolean shared) {
		return jdbc.sql("""
				INSERT INTO saved_searches (name, owner, q, range_from, range_to, columns, sort, shared)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(name, owner, query.q(), query.range().fromText(), query.range().toText(),
					Columns.join(query.columns()), query.sort(), shared)
			.query(Long.class)
			.single();
	}

	/** The user's own searches and the ones others shared, by name. */
	List<SavedSearch> visibleTo(String user) {
		return jdbc.sql("""
				SELECT * FROM saved_searches WHERE owner = ? OR shared
				 ORDER BY (owner = ?) DESC, lower(name), id""")
			.params(user, user)
			.query(SavedSearchRepository::row)
			.list();
	}

	/** Deletes the user's own search; returns it, or null when there is no such search of this user. */
	SavedSearch deleteOwn(long id, String owner) {
		return jdbc.sql("DELETE FROM saved_searches WHERE id = ? AND owner = ? RETURNING *")
			.params(id, owner)
			.query(SavedSearchRepository::row)
			.optional()
			.orElse(null);
	}

	private static SavedSearch row(ResultSet rs, int n) throws SQLException {
		return new SavedSearch(rs.getLong("id"), rs.getString("name"), rs.getString("owner"), rs.getString("q"),
				rs.getString("range_from"), rs.getString("range_to"), rs.getString("columns"), rs.getString("sort"),
				rs.getBoolean("shared"), rs.getObject("created_at", Timestamp.class).toInstant());
	}

}
