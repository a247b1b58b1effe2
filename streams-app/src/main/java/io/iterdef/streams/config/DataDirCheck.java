package io.iterdef.streams.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks at start that the data directory (Kafka Streams' state: the detection windows in RocksDB) can be written,
 * so that a directory that is a file, read-only or full is reported at once, by name and with what to do, instead of
 * as a RocksDB or state-directory stack trace when the first task starts (or, when full, at the first flush).
 * It creates the directory when missing, then writes, syncs and deletes a probe file of {@link #PROBE_BYTES}.
 */
public final class DataDirCheck {
    /** The probe's size: a RocksDB store writes a few MiB of files before it holds any data. */
    static final int PROBE_BYTES = 4 * 1024 * 1024;
    static final String PROBE_NAME = ".iterdef-write-check";

    private DataDirCheck() {
    }

    /** Throws {@link IllegalStateException} with the reason and what to do when {@code dir} cannot hold state. */
    public static void requireWritable(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw failure(abs, "it is not a directory (a file is there)", "remove that file or set ITERDEF_DATA_DIR to a directory");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw failure(abs, "it cannot be created (" + describe(e) + ")",
                    "create it, or set ITERDEF_DATA_DIR to a writable directory");
        }
        Path probe = abs.resolve(PROBE_NAME);
        try {
            try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer block = ByteBuffer.allocate(64 * 1024);
                for (int written = 0; written < PROBE_BYTES; written += block.capacity()) {
                    block.clear();
                    while (block.hasRemaining()) {
                        ch.write(block);
                    }
                }
                ch.force(true);
            }
        } catch (IOException e) {
            String reason = describe(e);
            boolean full = reason.contains("No space left") || reason.contains("Disk quota");
            throw failure(abs, full ? "it is full (" + reason + "; " + usable(abs) + " bytes free, " + PROBE_BYTES
                            + " needed for the check alone)" : "it is not writable (" + reason + ")",
                    full ? "free space on that file system, or set ITERDEF_DATA_DIR to a directory with room"
                            : "make it writable for this user (a read-only mount?), or set ITERDEF_DATA_DIR elsewhere");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // nothing more to learn: the write already failed or succeeded
            }
        }
    }

    private static IllegalStateException failure(Path dir, String why, String hint) {
        return new IllegalStateException("The data directory " + dir + " (ITERDEF_DATA_DIR) cannot hold the streams app's"
                + " state: " + why + ". What to do: " + hint + ".");
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
