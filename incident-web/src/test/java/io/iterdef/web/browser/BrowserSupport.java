package io.iterdef.web.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Base of the browser tests: Debian's headless Chromium driven by Selenium through chromedriver, against the
 * application that {@link StackSupport} runs on a random port. One browser per test class; every test starts
 * signed out. Without /usr/bin/chromium or /usr/bin/chromedriver the tests fail (they never skip) and say
 * what to install. A failing test leaves a screenshot and the page source in target/browser-failures/.
 * Browser waits are on conditions ({@link WebDriverWait}), never sleeps.
 */
public abstract class BrowserSupport extends StackSupport {

	static final Path CHROMIUM = Path.of(System.getProperty("iterdef.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("iterdef.chromedriver", "/usr/bin/chromedriver"));

	static final String INSTALL_HINT = "install chromium and chromium-driver: apt-get install -y chromium chromium-driver";

	static final Path FAILURES = Path.of("target", "browser-failures");

	protected static final Duration WAIT = Duration.ofSeconds(20);

	/** The IT admin, created by the application at first start (StackSupport sets its password). */
	protected static final String ADMIN = "admin";

	protected static final String ADMIN_PASSWORD = "it-admin-password";

	/** Collects uncaught script errors of every page, before the page's own scripts run. */
	private static final String ERROR_COLLECTOR = """
			window.__iterdefErrors = [];
			window.addEventListener('error', function (e) { window.__iterdefErrors.push(String(e.message)); });
			window.addEventListener('unhandledrejection', function (e) { window.__iterdefErrors.push(String(e.reason)); });
			""";

	private static ChromeDriverService service;

	private static ChromeDriver driver;

	private static Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@RegisterExtension
	static final AfterTestExecutionCallback SAVE_PAGE_ON_FAILURE = BrowserSupport::savePageOnFailure;

	@BeforeAll
	static void startBrowser() throws IOException {
		requireExecutables(CHROMIUM, CHROMEDRIVER);
		profile = Files.createTempDirectory("iterdef-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + profile);
		service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1400, 1000));
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_COLLECTOR));
	}

	/** Fails (never skips) with what to install when the browser or its driver is missing. */
	static void requireExecutables(Path... binaries) {
		for (Path binary : binaries) {
			if (!Files.isExecutable(binary)) {
				throw new IllegalStateException("The browser tests need " + binary + ", which is missing: " + INSTALL_HINT
						+ " (.ci/run does this).");
			}
		}
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		try {
			if (driver != null) {
				driver.quit();
			}
			if (service != null) {
				service.stop();
			}
		}
		finally {
			driver = null;
			service = null;
			deleteProfile();
		}
	}

	private static void deleteProfile() throws IOException {
		if (profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(profile)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		profile = null;
	}

	/** Every test starts signed out: the previous test's session cookie is dropped. */
	@BeforeEach
	void signOut() {
		driver.get(url("/login"));
		driver.manage().deleteAllCookies();
	}

	protected WebDriver browser() {
		return driver;
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	protected String url(String path) {
		return baseUrl() + path;
	}

	protected WebDriverWait waitFor() {
		return new WebDriverWait(driver, WAIT);
	}

	protected Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	/** Signs in through the login form; waits until the app has answered (a new page or the error message). */
	protected void login(String username, String password) {
		driver.get(url("/login"));
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("section.login button[type=submit]")).click();
		waitFor().until(d -> !d.getCurrentUrl().endsWith("/login")
				&& ("complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))));
	}

	/** A new enabled user with a random name and the role ('analyst', 'lead' or 'admin'); returns the name. */
	protected String createUser(String role, String password) {
		String username = "it-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO users (username, password_hash, role, enabled) VALUES (?, ?, ?, true)")
			.params(username, passwordEncoder.encode(password), role)
			.update();
		return username;
	}

	/** Uncaught script errors of the current page (collected from before its scripts ran). */
	@SuppressWarnings("unchecked")
	protected List<String> scriptErrors() {
		Object errors = script("return window.__iterdefErrors || null");
		if (errors == null) {
			throw new IllegalStateException("the script error collector is not installed on " + driver.getCurrentUrl());
		}
		return (List<String>) errors;
	}

	private static void savePageOnFailure(ExtensionContext context) {
		if (context.getExecutionException().isEmpty() || driver == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		try {
			Files.createDirectories(FAILURES);
			Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
			Files.writeString(FAILURES.resolve(name + ".html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
			System.err.println("Browser test failed: screenshot and page source in " + FAILURES.toAbsolutePath()
					+ "/" + name + ".{png,html}");
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save the page of failed test " + name + ": " + ex);
		}
	}

}
