package io.iterdef.web.user;

import io.iterdef.web.audit.AuditLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams (leads and admins): create and delete, add and remove members. Audited as 'team.create',
 * 'team.delete', 'team.member.add', 'team.member.remove'.
 */
@Service
class TeamService {

	static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final TeamRepository teams;

	private final UserRepository users;

	private final AuditLog audit;

	TeamService(TeamRepository teams, UserRepository users, AuditLog audit) {
		this.teams = teams;
		this.users = users;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<TeamRepository.Team> all() {
		return teams.findAll();
	}

	@Transactional(readOnly = true)
	List<UserRepository.User> users() {
		return users.findAll();
	}

	@Transactional
	void create(String actor, String rawName, String rawEmail) {
		String name = rawName == null ? "" : rawName.strip();
		if (!NAME.matcher(name).matches()) {
			throw new UserAdminException("A team name is 1 to 100 letters, digits, spaces or . _ - and starts with a "
					+ "letter or digit.");
		}
		String email = UserService.blankToNull(rawEmail);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new UserAdminException("The e-mail address '" + email + "' does not look like team@example.org.");
		}
		if (!teams.insert(name, email)) {
			throw new UserAdminException("A team named '" + name + "' already exists.");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", name);
		after.put("email", email);
		audit.append(actor, null, "team.create", null, after);
	}

	@Transactional
	void delete(String actor, String name) {
		TeamRepository.Team team = existing(name);
		teams.delete(name);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("name", team.name());
		before.put("email", team.email());
		before.put("members", team.members());
		audit.append(actor, null, "team.delete", before, null);
	}

	@Transactional
	void addMember(String actor, String team, String rawUsername) {
		existing(team);
		String username = rawUsername == null ? "" : rawUsername.strip();
		if (users.find(username).isEmpty()) {
			throw new UserAdminException("There is no user named '" + username + "'.");
		}
		if (teams.addMember(team, username)) {
			audit.append(actor, null, "team.member.add", null, Map.of("team", team, "username", username));
		}
	}

	@Transactional
	void removeMember(String actor, String team, String username) {
		existing(team);
		if (teams.removeMember(team, username)) {
			audit.append(actor, null, "team.member.remove", Map.of("team", team, "username", username), null);
		}
	}

	private TeamRepository.Team existing(String name) {
		return teams.find(name).orElseThrow(() -> new UserAdminException("There is no team named '" + name + "'."));
	}

}
