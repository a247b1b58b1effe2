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

/** Users, for admins: list, create, change role, enable/disable, reset password. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	static final String VIEW_USER_LIST = "admin/users/userList";

	private static final String REDIRECT_LIST = "redirect:/admin/users";

	private final UserService users;

	UserAdminController(UserService users) {
		this.users = users;
	}

	@GetMapping
	String showUserList(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("roles", Role.values());
		return VIEW_USER_LIST;
	}

	@PostMapping
	String processCreateUser(@RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String password,
			Principal principal, RedirectAttributes redirect) {
		try {
			UserService.PasswordResult result = users.create(principal.getName(),
					new UserService.UserForm(username, displayName, email, role, password));
			redirect.addFlashAttribute("message", "Created user '" + result.username() + "'.");
			redirect.addFlashAttribute("generatedPassword", result.generatedPassword());
			redirect.addFlashAttribute("passwordFor", result.username());
		}
		catch (UserAdminException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("form", new UserService.UserForm(username, displayName, email, role, ""));
		}
		return REDIRECT_LIST;
	}

	@PostMapping("/{username}/role")
	String processChangeRole(@PathVariable String username, @RequestParam(defaultValue = "") String role,
			Principal principal, RedirectAttributes redirect) {
		return run(redirect, "'" + username + "' is now " + role + ".",
				() -> users.changeRole(principal.getName(), username, role));
	}

	@PostMapping("/{username}/enabled")
	String processSetEnabled(@PathVariable String username, @RequestParam boolean enabled, Principal principal,
			RedirectAttributes redirect) {
		return run(redirect, "'" + username + "' is now " + (enabled ? "enabled" : "disabled") + ".",
				() -> users.setEnabled(principal.getName(), username, enabled));
	}

	@PostMapping("/{username}/password")
	String processResetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
			Principal principal, RedirectAttributes redirect) {
		try {
			UserService.PasswordResult result = users.resetPassword(principal.getName(), username, password);
			redirect.addFlashAttribute("message", "Set a new password for '" + result.username() + "'.");
			redirect.addFlashAttribute("generatedPassword", result.generatedPassword());
			redirect.addFlashAttribute("passwordFor", result.username());
		}
		catch (UserAdminException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return REDIRECT_LIST;
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
