package io.iterdef.web.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

	@GetMapping("/")
	String welcome() {
		return "redirect:/incidents";
	}

}
