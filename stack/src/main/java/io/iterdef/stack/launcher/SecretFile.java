package io.iterdef.stack.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** A secret generated once into an owner-only (0600) file of the data dir and read back on every later run. */
final class SecretFile {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private SecretFile() {
    }

    /**
     * The secret kept in file, generated (length characters) when the file does not exist yet.
     *
     * @param variable the environment variable that would replace the file, named in the error for an empty file
     */
    static String loadOrCreate(Path file, int length, String variable) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, generate(length) + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException e) {
                // another launcher won the race: use its secret
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty: delete it to generate a new one on the next start"
                    + " (or set " + variable + ")");
        }
        return secret;
    }

    static String generate(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
