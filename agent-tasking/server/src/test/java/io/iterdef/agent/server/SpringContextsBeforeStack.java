package io.iterdef.agent.server;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes every Spring application context the ITs used at the end of the run, before the stack stops. Without it
 * the contexts were closed by the JVM shutdown hook after System.exit, when StackExtension had already stopped the
 * Kafka and PostgreSQL it started: the Kafka producer and listener then waited for a broker that was gone, and
 * Surefire killed the fork 30 s after System.exit(0). JUnit closes the root store's values in reverse order of
 * insertion; each context is put there at its first test, after StackExtension put the stack, so it closes first.
 */
public final class SpringContextsBeforeStack implements BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SpringContextsBeforeStack.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext spring = SpringExtension.getApplicationContext(context);
		if (spring instanceof ConfigurableApplicationContext closeable) {
			context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(System.identityHashCode(closeable) + "@" + closeable.getId(),
						key -> (AutoCloseable) closeable::close, AutoCloseable.class);
		}
	}

}
