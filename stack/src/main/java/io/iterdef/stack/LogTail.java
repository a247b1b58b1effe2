package io.iterdef.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a (possibly large) log file, for error messages. */
final class LogTail {

    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    /** The last {@code n} lines of {@code file} (fewer if it is shorter; empty if it does not exist). */
    static List<String> lastLines(Path file, int n) {
        if (file == null || !Files.isRegularFile(file) || n <= 0) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int len = (int) Math.min(size, MAX_BYTES);
            byte[] buf = new byte[len];
            raf.seek(size - len);
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (len < size && !lines.isEmpty()) {
                lines.remove(0); // probably cut in the middle
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** A block for an exception message: a header naming the file, then its last {@code n} lines. */
    static String describe(Path file, int n) {
        List<String> lines = lastLines(file, n);
        if (lines.isEmpty()) {
            return "Log " + file + " is empty or missing.";
        }
        return "Last " + lines.size() + " lines of " + file + ":\n    " + String.join("\n    ", lines);
    }
}
