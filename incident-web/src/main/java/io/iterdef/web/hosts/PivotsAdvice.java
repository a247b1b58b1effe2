package io.iterdef.web.hosts;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts {@link Pivots} in the model of the incident and host pages as {@code pivots}, so their templates build the
 * pivot links ({@code ${pivots.observable(...)}}). A controller advice rather than a bean the templates call, so the
 * incident controller's slice tests render the page with it too.
 */
@ControllerAdvice(basePackages = { "io.iterdef.web.incident", "io.iterdef.web.hosts" })
class PivotsAdvice {

	private final Pivots pivots = new Pivots();

	@ModelAttribute("pivots")
	Pivots pivots() {
		return pivots;
	}

}
