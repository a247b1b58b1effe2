package io.iterdef.bench.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import io.iterdef.kb.event.Event;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Esper 8.9 on the same {@link Event} objects (a bean event type): the EPL compiled once, then per run a fresh
 * runtime with an external clock set to each event's time before it is sent (Esper's counterpart of the pseudo
 * clock); the matches are the rows the statement named {@code match} outputs.
 */
final class EsperEngine implements ShapeEngine {

	private static final AtomicInteger RUNTIMES = new AtomicInteger();

	private final Configuration configuration;

	private final EPCompiled compiled;

	EsperEngine(Shape shape) {
		configuration = new Configuration();
		configuration.getCommon().addEventType("Event", Event.class);
		configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
		try {
			compiled = EPCompilerProvider.getCompiler().compile(shape.epl(), new CompilerArguments(configuration));
		}
		catch (EPCompileException e) {
			throw new IllegalArgumentException("EPL of " + shape + " does not compile: " + e.getMessage(), e);
		}
	}

	@Override
	public long run(List<Event> events) {
		if (events.isEmpty()) {
			return 0;
		}
		EPRuntime runtime = EPRuntimeProvider.getRuntime("iterdef-bench-" + RUNTIMES.incrementAndGet(), configuration);
		try {
			EPEventService service = runtime.getEventService();
			service.clockExternal();
			service.advanceTime(events.get(0).getTimestampMillis());
			long[] matches = new long[1];
			EPDeployment deployment = runtime.getDeploymentService().deploy(compiled);
			for (EPStatement statement : deployment.getStatements()) {
				if ("match".equals(statement.getName())) {
					statement.addListener((newData, oldData, s, r) -> matches[0] += newData == null ? 0 : newData.length);
				}
			}
			for (Event e : events) {
				service.advanceTime(e.getTimestampMillis());
				service.sendEventBean(e, "Event");
			}
			return matches[0];
		}
		catch (EPDeployException e) {
			throw new IllegalStateException("EPL does not deploy: " + e.getMessage(), e);
		}
		finally {
			runtime.destroy();
		}
	}
}
