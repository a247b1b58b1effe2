package io.iterdef.web.sla;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The server-side role check of the SLA, policy and notification admin pages: leads and admins only,
 * whatever the URL rules of the security configuration say. Anyone else gets 403.
 */
@Component
public class LeadOnly implements WebMvcConfigurer, HandlerInterceptor {

	static final String[] PATHS = { "/admin/sla", "/admin/sla/**", "/admin/policies", "/admin/policies/**",
			"/admin/notifications", "/admin/notifications/**" };

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!isLead(SecurityContextHolder.getContext().getAuthentication())) {
			throw new AccessDeniedException("Only leads and admins may change SLA targets, escalation policies and notifications.");
		}
		return true;
	}

	public static boolean isLead(Authentication auth) {
		if (auth == null || !auth.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority a : auth.getAuthorities()) {
			if ("ROLE_LEAD".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
