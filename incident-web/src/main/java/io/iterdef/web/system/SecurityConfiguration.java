package io.iterdef.web.system;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.DispatcherType;

import io.iterdef.web.api.ApiErrors;
import io.iterdef.web.api.ApiTokens;
import io.iterdef.web.api.BearerTokenFilter;
import io.iterdef.web.user.AccessDeniedPage;
import io.iterdef.web.user.ActiveUsers;
import io.iterdef.web.user.SessionUserCheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Two filter chains.
 * <ul>
 * <li>/api/** (first): stateless, no CSRF (no cookies are used), "Authorization: Bearer" API tokens, JSON 401
 * and 403.</li>
 * <li>everything else: form login with BCrypt passwords, CSRF on every form post, role rules by URL, a 403 page
 * saying what was refused; the login page, static assets and the health endpoint are open.</li>
 * </ul>
 * Roles: admin > lead > analyst (a role may do what the roles below it may). Method security is on, so
 * controllers can also say {@code @PreAuthorize("hasRole('LEAD')")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ObjectProvider<ApiTokens> tokens) throws Exception {
		BearerTokenFilter bearer = new BearerTokenFilter(secret -> {
			ApiTokens available = tokens.getIfAvailable();
			return available == null ? Optional.empty() : available.authenticate(secret);
		});
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(ApiErrors.missingToken())
				.accessDeniedHandler(ApiErrors.forbidden()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ActiveUsers> activeUsers) throws Exception {
		SessionUserCheck sessionUserCheck = new SessionUserCheck(activeUsers::getIfAvailable);
		ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setDefaultFailureUrl("/login?error");
		failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/login", "/css/**", "/favicon.ico", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/users/**")
			.hasRole("ADMIN")
			.requestMatchers("/admin/sla/**", "/admin/policies/**", "/admin/notifications/**", "/admin/teams/**",
					"/admin/**")
			.hasRole("LEAD")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/incidents", false)
				.failureHandler(failure)
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.addFilterAfter(sessionUserCheck, SecurityContextHolderFilter.class)
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new AccessDeniedPage()));
		return http.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ADMIN")
			.implies("LEAD")
			.role("LEAD")
			.implies("ANALYST")
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
