package io.iterdef.bench.mix;

import io.iterdef.bench.mix.Templates.Kind;

/**
 * What one generated event is, before it becomes a shipper record: its kind, time, host and the values that vary.
 * {@code image}/{@code commandLine}/{@code parentImage} for process starts and network connections, {@code user} and
 * {@code ip} for logons.
 */
record Spec(Kind kind, long millis, int host, String image, String commandLine, String parentImage, String user,
		String ip) {

	static Spec process(long millis, int host, String image, String commandLine, String parentImage) {
		return new Spec(Kind.PROCESS_START, millis, host, image, commandLine, parentImage, null, null);
	}

	static Spec network(long millis, int host, String image, String ip) {
		return new Spec(Kind.NETWORK_CONNECTION, millis, host, image, null, null, null, ip);
	}

	static Spec logon(Kind kind, long millis, int host, String user, String ip) {
		return new Spec(kind, millis, host, null, null, null, user, ip);
	}

	Spec at(long newMillis) {
		return new Spec(kind, newMillis, host, image, commandLine, parentImage, user, ip);
	}
}
