package io.iterdef.agent.update;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set by agent.update once the new jar is in place: the poll loop stops after the task's result has been sent,
 * and the agent exits with {@value #EXIT_CODE} so that its launcher (iterdef-agent.sh / .cmd, or any supervisor)
 * starts it again on the new jar.
 */
public final class Restart {

	/** EX_TEMPFAIL: "start me again". */
	public static final int EXIT_CODE = 75;

	private final AtomicBoolean requested = new AtomicBoolean();

	void request() {
		requested.set(true);
	}

	public boolean requested() {
		return requested.get();
	}

}
