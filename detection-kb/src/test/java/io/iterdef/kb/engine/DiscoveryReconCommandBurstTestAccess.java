package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;

import java.time.Instant;

/** Lets tests in other packages build process start events. */
public final class DiscoveryReconCommandBurstTestAccess {

	private DiscoveryReconCommandBurstTestAccess() {
	}

	public static Event start(Instant time, String commandLine) {
		return DiscoveryReconCommandBurstTest.start("h", time, new String[] { "x.exe", commandLine });
	}
}
