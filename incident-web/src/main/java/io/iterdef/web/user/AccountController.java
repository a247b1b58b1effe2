package io.iterdef.web.user;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own account: who they are, and changing their password. */
@Controller
class AccountController {

	static final String VIEW_ACCOUNT = "account/account";

	private final UserService users;

	AccountController(UserService users) {
		this.users = users;
	}

	@GetMapping("/account")
	String showAccount(Principal principal, Model model) {
		model.addAttribute("account", users.find(principal.getName()).orElse(null));
		return VIEW_ACCOUNT;
	}

	@PostMapping("/account/password")
	String processChangePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
			Principal principal, RedirectAttributes redirect) {
		try {
			users.changeOwnPassword(principal.getName(), currentPassword, newPassword, confirmPassword);
			redirect.addFlashAttribute("message", "Your password has been changed.");
		}
		catch (UserAdminException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

}
