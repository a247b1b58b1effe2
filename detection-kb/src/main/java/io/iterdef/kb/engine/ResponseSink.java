package io.iterdef.kb.engine;

import io.iterdef.kb.event.TaskRequest;

/** Receives the task requests rules make through {@code response.collect} (on the thread that inserts events). */
@FunctionalInterface
public interface ResponseSink {

	/** Drops requests: for runs that only look at alerts (fixtures, backtests). */
	ResponseSink NONE = request -> {
	};

	void accept(TaskRequest request);

}
