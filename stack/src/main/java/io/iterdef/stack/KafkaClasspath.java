package io.iterdef.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The classpath of the broker subprocess. The build writes it (absolute paths into the local Maven repository)
 * to the resource {@code io/iterdef/stack/kafka.classpath}, so it works from the launcher, from Failsafe JVMs of
 * other modules (whose java.class.path is a manifest-only jar) and from an IDE alike.
 */
final class KafkaClasspath {

    static final String RESOURCE = "kafka.classpath";

    private KafkaClasspath() {
    }

    static String resolve() {
        String written = read();
        if (written != null) {
            List<String> missing = missing(written);
            if (missing.isEmpty()) {
                return written;
            }
            String own = ownClasspathIfItHasKafka();
            if (own != null) {
                return own;
            }
            throw new StackStartException("The Kafka broker classpath written at build time names jars that no longer exist, e.g. "
                    + missing.get(0) + ".\nWhat to do: rebuild the stack module (mvn -B -pl stack -am install -DskipTests).");
        }
        String own = ownClasspathIfItHasKafka();
        if (own != null) {
            return own;
        }
        throw new StackStartException("No Kafka broker classpath: resource io/iterdef/stack/" + RESOURCE + " is missing.\n"
                + "What to do: build the stack module with Maven (mvn -B -pl stack -am install -DskipTests).");
    }

    static List<String> missing(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .filter(s -> !Files.exists(Path.of(s)))
                .collect(Collectors.toList());
    }

    private static String read() {
        try (InputStream in = KafkaClasspath.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** The launcher runs with target/lib/* (which holds the broker jars): its own classpath then works too. */
    private static String ownClasspathIfItHasKafka() {
        String cp = System.getProperty("java.class.path", "");
        boolean hasBroker = Arrays.stream(cp.split(File.pathSeparator))
                .anyMatch(s -> Path.of(s).getFileName() != null && Path.of(s).getFileName().toString().startsWith("kafka_2.13-"));
        return hasBroker && missing(cp).isEmpty() ? cp : null;
    }
}
