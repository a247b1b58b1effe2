package io.iterdef.stack.junit;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link Stack} once per test JVM and injects it into test constructors, {@code @BeforeAll} and test
 * methods. The stack lives in the root store and is closed (stopping only what it started) when the test run ends.
 *
 * <p>Configuration is the environment's ({@link StackConfig#fromEnvironment()}: ITERDEF_KAFKA etc. point tests at
 * existing services), except the data directory: tests use {@code <reactor root>/data/it} (or the system property
 * {@value #DATA_DIR_PROPERTY}), never the demo's ./data. All modules of a build share it, so the second module's
 * tests start the services on existing data, which is quick.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    public static final String DATA_DIR_PROPERTY = "iterdef.it.dataDir";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return stack(extensionContext);
    }

    /** The stack of this test JVM, started on first use. */
    public static Stack stack(ExtensionContext context) {
        // The holder is AutoCloseable: JUnit closes it when the root store is closed, at the end of the run.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StackHolder.class.getName(), key -> StackHolder.start(), StackHolder.class)
                .get();
    }

    /** The started stack, or why it failed (so a broken stack fails every test class at once instead of timing out in each). */
    static final class StackHolder implements AutoCloseable {
        private final Stack stack;
        private final RuntimeException failure;

        private StackHolder(Stack stack, RuntimeException failure) {
            this.stack = stack;
            this.failure = failure;
        }

        static StackHolder start() {
            try {
                return new StackHolder(Stack.start(testConfig()), null);
            } catch (RuntimeException e) {
                return new StackHolder(null, e);
            }
        }

        Stack get() {
            if (failure != null) {
                throw new IllegalStateException("The stack for integration tests could not be started: " + failure.getMessage(), failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    static StackConfig testConfig() {
        return StackConfig.fromEnvironment().withDataDir(testDataDir());
    }

    static Path testDataDir() {
        String explicit = System.getProperty(DATA_DIR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        return reactorRoot(Path.of("").toAbsolutePath()).resolve("data").resolve("it");
    }

    /** The topmost directory with a pom.xml, walking up from {@code start} (a module's base directory under Failsafe). */
    static Path reactorRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        Path top = dir;
        while (dir != null && Files.isRegularFile(dir.resolve("pom.xml"))) {
            top = dir;
            dir = dir.getParent();
        }
        return top;
    }
}
