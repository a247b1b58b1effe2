package io.iterdef.stack.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PKCS12 key stores made with the JDK's keytool, and the certificate fingerprint keytool itself reports. */
final class TestKeyStores {

    private TestKeyStores() {
    }

    /** An EC key pair with a self-signed certificate for 127.0.0.1 under alias in a new PKCS12 file. */
    static Path create(Path file, String alias, String password) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", file.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        return file;
    }

    /** The SHA-256 keytool -list -v shows for alias, as 64 lower-case hex digits. */
    static String fingerprint(Path file, String alias, String password) throws Exception {
        String out = keytool("-list", "-v", "-alias", alias, "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", password);
        Matcher m = Pattern.compile("SHA256:\\s*([0-9A-F:]{95})").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no SHA256 in keytool output: " + out);
        }
        return m.group(1).replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static String keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
