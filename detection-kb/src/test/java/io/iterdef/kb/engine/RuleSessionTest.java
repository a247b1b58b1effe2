package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the pseudo-clock rule tests: the library compiled once per test JVM, a fresh STREAM session per test (its
 * clock at epoch 0 until the first event) and the alerts it raised. Tests insert events at fixed instants, advance
 * the clock and assert.
 */
abstract class RuleSessionTest {

	private static RuleSet library;

	protected List<Alert> alerts;

	protected DetectionSession session;

	static synchronized RuleSet library() {
		if (library == null) {
			library = RuleSet.fromClasspath();
		}
		return library;
	}

	@BeforeEach
	void openSession() {
		alerts = new ArrayList<>();
		session = library().newSession(alerts::add);
	}

	@AfterEach
	void closeSession() {
		session.close();
	}
}
