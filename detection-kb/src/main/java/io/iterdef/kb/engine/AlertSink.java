package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;

/** Receives the alerts a detection session raises (called on the thread that inserts events). */
@FunctionalInterface
public interface AlertSink {

	void accept(Alert alert);
}
