package io.iterdef.kb.engine;

import io.iterdef.kb.cli.RuleLibrary;

/** The classpath rule library, compiled once for the convention test classes. */
final class RuleConventions {

	private static RuleLibrary library;

	private RuleConventions() {
	}

	static synchronized RuleLibrary library() {
		if (library == null) {
			library = RuleLibrary.fromClasspath();
		}
		return library;
	}
}
