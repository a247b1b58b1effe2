package io.iterdef.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Root detection and the unprivileged system user that runs Elasticsearch when we are root. */
final class SystemUser {

    static final String ES_USER = "iterdef-es";

    private SystemUser() {
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Creates the system user (no home, no login shell) unless it exists. */
    static void ensureExists(String user, Path log) throws IOException {
        Path dir = log.getParent();
        if (ChildProcess.run("id " + user, List.of("id", "-u", user), dir, log, Duration.ofSeconds(30)) == 0) {
            return;
        }
        int exit = ChildProcess.run("useradd " + user, List.of("useradd", "--system", "--no-create-home",
                "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "--user-group", user), dir, log, Duration.ofSeconds(30));
        // Another process may have created it meanwhile: check again rather than trusting the exit code.
        if (exit != 0 && ChildProcess.run("id " + user, List.of("id", "-u", user), dir, log, Duration.ofSeconds(30)) != 0) {
            throw StackStartException.of("Could not create the system user '" + user + "' that runs Elasticsearch"
                            + " (Elasticsearch refuses to run as root).",
                    "create it yourself (useradd --system --no-create-home --shell /usr/sbin/nologin " + user
                            + "), or run as a normal user, or set ITERDEF_ES_URL to an existing Elasticsearch.", log, null);
        }
    }

    /** chown -R user: dir */
    static void chownRecursively(String user, Path dir, Path log) throws IOException {
        int exit = ChildProcess.run("chown " + dir, List.of("chown", "-R", user + ":", dir.toString()),
                log.getParent(), log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw StackStartException.of("Could not give " + dir + " to user " + user + ".",
                    "check that " + dir + " is on a local file system that allows chown.", log, null);
        }
    }
}
