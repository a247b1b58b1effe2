package io.iterdef.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.LoggerFactory;

/** The Elasticsearch zip from the local Maven repository (located at build time), unpacked on first use. */
final class ElasticsearchDistribution {

    private static final String MARKER = ".iterdef-unpacked";

    private final Path zip;
    private final String version;

    private ElasticsearchDistribution(Path zip, String version) {
        this.zip = zip;
        this.version = version;
    }

    static ElasticsearchDistribution fromBuild() {
        Properties p = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("elasticsearch-dist.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // handled below
        }
        String zip = p.getProperty("zip", "");
        if (zip.isBlank() || zip.contains("${") || !Files.isRegularFile(Path.of(zip))) {
            throw new StackStartException("The Elasticsearch distribution zip is not available (resource says '" + zip + "').\n"
                    + "What to do: build the stack module with Maven (mvn -B -pl stack -am install -DskipTests), which downloads"
                    + " org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip; or set ITERDEF_ES_URL to an existing Elasticsearch.");
        }
        return new ElasticsearchDistribution(Path.of(zip), p.getProperty("version", "unknown"));
    }

    String version() {
        return version;
    }

    /** The Elasticsearch home under {@code base}, unpacked if it is not there yet. */
    Path unpackInto(Path base) throws IOException {
        Path home = base.resolve("elasticsearch-" + version);
        if (Files.exists(home.resolve(MARKER))) {
            return home;
        }
        Files.createDirectories(base);
        LoggerFactory.getLogger(ElasticsearchDistribution.class).info("Unpacking Elasticsearch {} into {}", version, home);
        Path tmp = Files.createTempDirectory(base, ".unpack-");
        try {
            unzip(zip, tmp);
            Path top;
            try (Stream<Path> children = Files.list(tmp)) {
                top = children.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IOException("empty distribution zip " + zip));
            }
            deleteRecursively(home);
            Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
                bin.forEach(f -> f.toFile().setExecutable(true, false));
            }
            Files.writeString(home.resolve(MARKER), zip.toString());
            return home;
        } finally {
            deleteRecursively(tmp);
        }
    }

    static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
