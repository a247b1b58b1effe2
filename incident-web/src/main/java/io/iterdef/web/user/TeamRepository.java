package io.iterdef.web.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Teams and their members (tables teams, team_members). */
@Repository
class TeamRepository {

	record Team(String name, String email, List<String> members) {
	}

	private final JdbcClient jdbc;

	TeamRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Team> findAll() {
		Map<String, String> emails = new LinkedHashMap<>();
		Map<String, List<String>> members = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT t.name, t.email, m.username
				  FROM teams t LEFT JOIN team_members m ON m.team = t.name
				 ORDER BY t.name, m.username""").query(rs -> {
			String name = rs.getString("name");
			emails.put(name, rs.getString("email"));
			List<String> list = members.computeIfAbsent(name, k -> new ArrayList<>());
			String username = rs.getString("username");
			if (username != null) {
				list.add(username);
			}
		});
		List<Team> teams = new ArrayList<>();
		emails.forEach((name, email) -> teams.add(new Team(name, email, List.copyOf(members.get(name)))));
		return teams;
	}

	Optional<Team> find(String name) {
		return findAll().stream().filter(t -> t.name().equals(name)).findFirst();
	}

	boolean insert(String name, String email) {
		return jdbc.sql("INSERT INTO teams (name, email) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
			.params(name, email)
			.update() == 1;
	}

	boolean delete(String name) {
		return jdbc.sql("DELETE FROM teams WHERE name = ?").param(name).update() == 1;
	}

	boolean addMember(String team, String username) {
		return jdbc.sql("INSERT INTO team_members (team, username) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(team, username)
			.update() == 1;
	}

	boolean removeMember(String team, String username) {
		return jdbc.sql("DELETE FROM team_members WHERE team = ? AND username = ?").params(team, username).update() == 1;
	}

	boolean exists(String name) {
		return jdbc.sql("SELECT count(*) FROM teams WHERE name = ?").param(name).query(Long.class).single() > 0;
	}

}
