package io.iterdef.stack.launcher;

import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Runs an action on SIGINT / SIGTERM <em>before</em> the JVM starts shutting down. JVM shutdown hooks all run at
 * once, in no order; the launcher must stop the services before the stack they use (or streams-app keeps retrying a
 * broker that is already gone). The JDK's only signal API is {@code sun.misc.Signal} (module jdk.unsupported); it
 * is used reflectively so the build has no proprietary-API warnings, and when it is missing the shutdown hook remains.
 */
final class SignalTrap {

    private SignalTrap() {
    }

    /** Installs action for the named signals ("INT", "TERM"); false when the platform does not allow it. */
    static boolean install(List<String> signals, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "SignalTrap";
                    });
            for (String name : signals) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
