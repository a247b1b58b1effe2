package io.iterdef.web.user;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access rules on the real server, as a browser meets them: redirect to the login page, form login with
 * the CSRF token of the login page, the 403 page's sentence, and a form post without its CSRF token refused.
 */
class AccessOverHttpIT extends StackSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private ConfigurableEnvironment environment;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HttpRequest.Builder request(String path) {
		// as a browser asks: for HTML (without it, errors come as JSON)
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/html,application/xhtml+xml");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String form) throws Exception {
		return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String slaTargets() {
		return jdbc.sql("SELECT string_agg(severity || ack_seconds || '/' || resolve_seconds || updated_at, ',' "
				+ "ORDER BY severity) FROM sla_targets").query(String.class).single();
	}

	@Test
	void shouldEndIdleSessionsAfterThirtyMinutesByDefault() {
		// application.yaml must not pin it, or ITERDEF_SESSION_TIMEOUT would have no effect
		assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
		assertThat(environment.getPropertySources().stream()
			.filter(source -> source.containsProperty("server.servlet.session.timeout"))
			.map(source -> source.getName())
			.filter(name -> !name.equals("configurationProperties")) // Boot's view over all the others
			.toList()).containsExactly("iterdefEnvironment");
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void shouldRedirectToLoginThenShowAnAnalystWhyAdminPagesAreRefused() throws Exception {
		String ann = "it-http-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, ?, 'analyst')")
			.params(ann, passwordEncoder.encode("analyst-password-1"))
			.update();

		HttpResponse<String> anonymous = get("/incidents");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

		String token = csrf(get("/login").body());
		HttpResponse<String> login = postForm("/login",
				"username=" + enc(ann) + "&password=analyst-password-1&_csrf=" + enc(token));
		assertThat(login.statusCode()).isEqualTo(302);
		// back to the page first asked for
		assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/incidents");

		HttpResponse<String> users = get("/admin/users");
		assertThat(users.statusCode()).isEqualTo(403);
		assertThat(users.body()).contains("Your role (analyst) cannot manage users; ask an admin.");

		String pageToken = csrf(get("/account").body());
		String mallory = "it-mallory-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> create = postForm("/admin/users",
				"username=" + mallory + "&role=admin&password=mallory-password-1&_csrf=" + enc(pageToken));
		assertThat(create.statusCode()).isEqualTo(403);
		String slaBefore = slaTargets();
		HttpResponse<String> sla = postForm("/admin/sla",
				"severity=high&ackSeconds=1&resolveSeconds=2&_csrf=" + enc(pageToken));
		assertThat(sla.statusCode()).isEqualTo(403);
		assertThat(sla.body()).contains("Your role (analyst) cannot change SLA targets; ask a lead.");
		assertThat(slaTargets()).isEqualTo(slaBefore);
		HttpResponse<String> policies = postForm("/admin/policies", "name=x&_csrf=" + enc(pageToken));
		assertThat(policies.statusCode()).isEqualTo(403);
		assertThat(policies.body()).contains("Your role (analyst) cannot change escalation policies; ask a lead.");
		assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = ?").param(mallory).query(Long.class).single())
			.isZero();

		HttpResponse<String> withoutToken = postForm("/account/password",
				"currentPassword=analyst-password-1&newPassword=changed-password-1&confirmPassword=changed-password-1");
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.body()).contains("without a valid security token");
		assertThat(passwordEncoder.matches("analyst-password-1",
				jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(ann).query(String.class).single()))
			.isTrue();
	}

}
