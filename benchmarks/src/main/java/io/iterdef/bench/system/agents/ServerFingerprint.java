package io.iterdef.bench.system.agents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent server's certificate fingerprint, as it logs it at start (what agents are given to pin). */
final class ServerFingerprint {

	/** Logged by the server's TlsFingerprintLog when it is ready. */
	static final String LOG_TEXT = "give it to agents to pin";

	private static final Pattern LINE = Pattern.compile(Pattern.quote(LOG_TEXT) + "\\): ([0-9a-f]{64})");

	private ServerFingerprint() {
	}

	/** The fingerprint of the last start in the log; fails when the log has none. */
	static String in(String log) {
		Matcher matcher = LINE.matcher(log);
		String found = null;
		while (matcher.find()) {
			found = matcher.group(1);
		}
		if (found == null) {
			throw new IllegalStateException("the agent server's log has no certificate fingerprint (\"" + LOG_TEXT
					+ "\"): did it start? See its log");
		}
		return found;
	}

}
