package io.iterdef.stack.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The first admin's login. incident-web creates this user only while no user exists, so the launcher passes the same
 * password on every run: ITERDEF_ADMIN_PASSWORD when set, else one generated on the first run and kept in
 * data/admin-password (0600).
 *
 * @param generated true when the password comes from data/admin-password rather than the environment
 */
record AdminCredentials(String user, String password, boolean generated) {

    static final String FILE_NAME = "admin-password";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;

    static AdminCredentials resolve(LauncherSettings settings) throws IOException {
        if (settings.adminPasswordOverride() != null) {
            return new AdminCredentials(settings.adminUser(), settings.adminPasswordOverride(), false);
        }
        return new AdminCredentials(settings.adminUser(), loadOrCreate(settings.dataDir().resolve(FILE_NAME)), true);
    }

    static String loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, generate() + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException e) {
                // another launcher won the race: use its password
            }
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty: delete it to generate a new admin password on the next first run"
                    + " (or set ITERDEF_ADMIN_PASSWORD)");
        }
        return password;
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
