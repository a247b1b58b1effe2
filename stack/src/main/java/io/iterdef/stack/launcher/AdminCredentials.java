package io.iterdef.stack.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The first admin's login. incident-web creates this user only while no user exists, so the launcher passes the same
 * password on every run: ITERDEF_ADMIN_PASSWORD when set, else one generated on the first run and kept in
 * data/admin-password (0600).
 *
 * @param generated true when the password comes from data/admin-password rather than the environment
 */
record AdminCredentials(String user, String password, boolean generated) {

    static final String FILE_NAME = "admin-password";
    private static final int LENGTH = 20;

    static AdminCredentials resolve(LauncherSettings settings) throws IOException {
        if (settings.adminPasswordOverride() != null) {
            return new AdminCredentials(settings.adminUser(), settings.adminPasswordOverride(), false);
        }
        return new AdminCredentials(settings.adminUser(), loadOrCreate(settings.dataDir().resolve(FILE_NAME)), true);
    }

    static String loadOrCreate(Path file) throws IOException {
        return SecretFile.loadOrCreate(file, LENGTH, "ITERDEF_ADMIN_PASSWORD");
    }

    static String generate() {
        return SecretFile.generate(LENGTH);
    }
}
