package io.iterdef.web.api;

import java.time.Instant;

import io.iterdef.web.user.Role;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * /account/tokens: every user lists, creates (the secret is shown once) and revokes their own API tokens;
 * an admin sees and may revoke everyone's.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

	static final String VIEW_TOKEN_LIST = "account/tokenList";

	private static final String REDIRECT_LIST = "redirect:/account/tokens";

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String showTokenList(Authentication authentication, Model model) {
		boolean admin = isAdmin(authentication);
		model.addAttribute("tokens", tokens.list(authentication.getName(), admin));
		model.addAttribute("admin", admin);
		model.addAttribute("now", Instant.now());
		model.addAttribute("apiUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/incidents").toUriString());
		return VIEW_TOKEN_LIST;
	}

	@PostMapping
	String processCreateToken(@RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Integer expiresInDays, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			ApiTokens.Created created = tokens.create(authentication.getName(), name, expiresInDays);
			redirect.addFlashAttribute("message", "Created token '" + created.name() + "'.");
			redirect.addFlashAttribute("secret", created.secret());
		}
		catch (ApiTokens.TokenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return REDIRECT_LIST;
	}

	@PostMapping("/{id}/revoke")
	String processRevokeToken(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		try {
			ApiTokenRepository.Token token = tokens.revoke(id, authentication.getName(), isAdmin(authentication));
			redirect.addFlashAttribute("message", "Revoked token '" + token.name() + "' of " + token.username() + ".");
		}
		catch (ApiTokens.TokenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return REDIRECT_LIST;
	}

	private static boolean isAdmin(Authentication authentication) {
		return Role.highest(authentication).filter(r -> r == Role.ADMIN).isPresent();
	}

}
