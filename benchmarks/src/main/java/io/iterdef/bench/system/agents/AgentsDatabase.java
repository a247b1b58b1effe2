package io.iterdef.bench.system.agents;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of the benchmark's own on the stack's PostgreSQL (the agent server migrates it); dropped at the end. */
final class AgentsDatabase implements AutoCloseable {

	private final String adminUrl;

	private final String user;

	private final String password;

	private final String name;

	private AgentsDatabase(String adminUrl, String user, String password, String name) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
		this.name = name;
	}

	/** Creates {@code name} on the server of {@code stackUrl} (a JDBC URL of any database there). */
	static AgentsDatabase create(String stackUrl, String user, String password, String name) throws SQLException {
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("not a database name: " + name);
		}
		AgentsDatabase database = new AgentsDatabase(stackUrl, user, password, name);
		database.execute("CREATE DATABASE " + name);
		return database;
	}

	/** The JDBC URL of this database: the stack's URL with its database name replaced. */
	String url() {
		return withDatabase(adminUrl, name);
	}

	static String withDatabase(String jdbcUrl, String database) {
		int query = jdbcUrl.indexOf('?');
		String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
		String params = query < 0 ? "" : jdbcUrl.substring(query);
		int slash = base.lastIndexOf('/');
		if (slash < "jdbc:postgresql://".length()) {
			throw new IllegalArgumentException("expected jdbc:postgresql://host:port/database, not " + jdbcUrl);
		}
		return base.substring(0, slash + 1) + database + params;
	}

	@Override
	public void close() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
