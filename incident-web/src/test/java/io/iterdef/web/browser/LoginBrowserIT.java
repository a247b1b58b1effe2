package io.iterdef.web.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Form login in a real browser: a wrong password is refused with a message, the right one opens the incidents. */
class LoginBrowserIT extends BrowserSupport {

	private static final String PASSWORD = "correct horse battery staple";

	@Test
	void shouldShowAnErrorWhenThePasswordIsWrong() {
		login(ADMIN, "not-the-password");

		assertThat(browser().getCurrentUrl()).endsWith("/login?error");
		assertThat(browser().findElement(By.cssSelector(".message.error")).getText())
			.isEqualTo("Wrong username or password, or the account is disabled.");
		assertThat(browser().findElements(By.cssSelector("form.logout"))).isEmpty();
	}

	@Test
	void shouldLandOnTheIncidentsWhenThePasswordIsRight() {
		String analyst = createUser("analyst", PASSWORD);

		login(analyst, PASSWORD);

		assertThat(browser().getCurrentUrl()).isEqualTo(url("/incidents"));
		assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Incidents");
		assertThat(browser().findElement(By.cssSelector(".topbar .user")).getText()).isEqualTo(analyst);
	}

	@Test
	void shouldSignOutAndAskForLoginAgainWhenLoggingOut() {
		login(ADMIN, ADMIN_PASSWORD);
		assertThat(browser().getCurrentUrl()).isEqualTo(url("/incidents"));

		browser().findElement(By.cssSelector("form.logout button[type=submit]")).click();

		waitFor().until(ExpectedConditions.urlToBe(url("/login?logout")));
		assertThat(browser().findElement(By.cssSelector("section.login .message")).getText())
			.isEqualTo("You have been signed out.");
		browser().get(url("/incidents"));
		waitFor().until(ExpectedConditions.urlToBe(url("/login")));
		assertThat(browser().findElements(By.id("password"))).hasSize(1);
	}

}
