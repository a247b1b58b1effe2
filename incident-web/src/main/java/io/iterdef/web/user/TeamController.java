package io.iterdef.web.user;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams, for leads and admins. */
@Controller
@RequestMapping("/admin/teams")
@PreAuthorize("hasRole('LEAD')")
class TeamController {

	static final String VIEW_TEAM_LIST = "admin/teams/teamList";

	private static final String REDIRECT_LIST = "redirect:/admin/teams";

	private final TeamService teams;

	TeamController(TeamService teams) {
		this.teams = teams;
	}

	@GetMapping
	String showTeamList(Model model) {
		model.addAttribute("teams", teams.all());
		model.addAttribute("users", teams.users());
		return VIEW_TEAM_LIST;
	}

	@PostMapping
	String processCreateTeam(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			Principal principal, RedirectAttributes redirect) {
		return run(redirect, "Created team '" + name.strip() + "'.", () -> teams.create(principal.getName(), name, email));
	}

	@PostMapping("/{name}/delete")
	String processDeleteTeam(@PathVariable String name, Principal principal, RedirectAttributes redirect) {
		return run(redirect, "Deleted team '" + name + "'.", () -> teams.delete(principal.getName(), name));
	}

	@PostMapping("/{name}/members")
	String processAddMember(@PathVariable String name, @RequestParam(defaultValue = "") String username,
			Principal principal, RedirectAttributes redirect) {
		return run(redirect, "Added '" + username.strip() + "' to team '" + name + "'.",
				() -> teams.addMember(principal.getName(), name, username));
	}

	@PostMapping("/{name}/members/{username}/delete")
	String processRemoveMember(@PathVariable String name, @PathVariable String username, Principal principal,
			RedirectAttributes redirect) {
		return run(redirect, "Removed '" + username + "' from team '" + name + "'.",
				() -> teams.removeMember(principal.getName(), name, username));
	}

	private static String run(RedirectAttributes redirect, String success, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (UserAdminException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return REDIRECT_LIST;
	}

}
