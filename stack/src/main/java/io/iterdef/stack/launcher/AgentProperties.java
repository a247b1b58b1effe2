package io.iterdef.stack.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's configuration file (the keys of the agent's AgentConfig), written owner-only since it holds the
 * enrollment secret.
 *
 * @param hostName null to let the agent use the machine's name
 */
record AgentProperties(URI serverUrl, String fingerprint, String enrollmentSecret, Path stateDir, String hostName,
        String labels) {

    /** The file's text; values are written as java.util.Properties reads them (no escapes needed for these). */
    String render(String comment) {
        List<String> lines = new ArrayList<>();
        for (String line : comment.split("\n")) {
            lines.add("# " + line);
        }
        lines.add("server.url=" + serverUrl);
        lines.add("server.fingerprint=" + fingerprint);
        lines.add("enrollment.secret=" + escape(enrollmentSecret));
        lines.add("state.dir=" + escape(stateDir.toString()));
        if (hostName != null) {
            lines.add("host.name=" + hostName);
        }
        if (labels != null) {
            lines.add("labels=" + labels);
        }
        return String.join("\n", lines) + "\n";
    }

    /** Writes the file (replacing an older one) readable by its owner only. */
    void write(Path file, String comment) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, render(comment), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Backslashes (Windows paths, secrets) doubled, as java.util.Properties expects them. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
