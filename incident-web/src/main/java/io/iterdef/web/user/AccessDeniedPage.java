package io.iterdef.web.user;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The pages' answer to a request the user's role may not make (or a POST without its CSRF token): status 403
 * and templates/error/403.html with a sentence saying what was refused and whom to ask, e.g. "Your role
 * (analyst) cannot change escalation policies; ask a lead."
 */
public class AccessDeniedPage implements AccessDeniedHandler {

	/** The request attribute the 403 template shows. */
	public static final String MESSAGE_ATTRIBUTE = "deniedMessage";

	private record Area(String prefix, String what, Role needed) {
	}

	private static final List<Area> AREAS = List.of(new Area("/admin/users", "manage users", Role.ADMIN),
			new Area("/admin/policies", "change escalation policies", Role.LEAD),
			new Area("/admin/sla", "change SLA targets", Role.LEAD),
			new Area("/admin/notifications", "see or retry notifications", Role.LEAD),
			new Area("/admin/teams", "manage teams", Role.LEAD), new Area("/admin", "use the admin pages", Role.LEAD));

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		request.setAttribute(MESSAGE_ATTRIBUTE, message(Role.highest(authentication).orElse(null), path,
				denied.getClass().getSimpleName().contains("Csrf")));
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	static String message(Role role, String path, boolean csrf) {
		if (csrf) {
			return "The form was sent without a valid security token (CSRF), perhaps from an old page or after your "
					+ "session ended. Reload the page and try again.";
		}
		String who = role == null ? "Your account has no role and" : "Your role (" + role.dbValue() + ")";
		for (Area area : AREAS) {
			if (path.equals(area.prefix()) || path.startsWith(area.prefix() + "/")) {
				return who + " cannot " + area.what() + "; ask " + article(area.needed()) + ".";
			}
		}
		return who + " is not allowed to do this; ask a lead or an admin.";
	}

	private static String article(Role role) {
		return (role == Role.ADMIN ? "an " : "a ") + role.dbValue();
	}

}
