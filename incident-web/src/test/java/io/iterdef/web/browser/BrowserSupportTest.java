package io.iterdef.web.browser;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserSupportTest {

	@Test
	void shouldFailWithWhatToInstallWhenChromiumIsMissing() {
		Path missing = Path.of("/nonexistent/chromium");

		assertThatThrownBy(() -> BrowserSupport.requireExecutables(missing))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("The browser tests need /nonexistent/chromium, which is missing: install chromium and "
					+ "chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does this).");
	}

	@Test
	void shouldAcceptAnExecutableWhenPresent() {
		assertThatCode(() -> BrowserSupport.requireExecutables(Path.of("/bin/sh"))).doesNotThrowAnyException();
	}

}
