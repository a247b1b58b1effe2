package io.iterdef.stack.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The launcher's output: messages on stdout, problems and the status line on stderr. On a console the status line is
 * redrawn in place with \r; every message first wipes it so the two never interleave.
 */
final class Terminal {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final boolean unicode;
    private int statusWidth;

    Terminal(PrintStream out, PrintStream err, boolean interactive, boolean unicode) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.unicode = unicode;
    }

    /** The process's own stdout/stderr; UTF-8 marks only when the platform encoding is UTF-8. */
    static Terminal system() {
        String encoding = System.getProperty("native.encoding", System.getProperty("file.encoding", ""));
        boolean utf8 = encoding.toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8");
        PrintStream err = utf8
                ? new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)
                : System.err;
        return new Terminal(System.out, err, System.console() != null, utf8);
    }

    boolean interactive() {
        return interactive;
    }

    boolean unicode() {
        return unicode;
    }

    synchronized void println(String message) {
        clearStatus();
        out.println(message);
        out.flush();
    }

    synchronized void error(String message) {
        clearStatus();
        err.println(message);
        err.flush();
    }

    /** Shows the status: in place on a console, else as a line of its own. */
    synchronized void status(String line) {
        if (!interactive) {
            error(line);
            return;
        }
        StringBuilder text = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < statusWidth; i++) {
            text.append(' ');
        }
        err.print(text);
        err.flush();
        statusWidth = line.length();
    }

    synchronized void clearStatus() {
        if (statusWidth > 0) {
            err.print("\r" + " ".repeat(statusWidth) + "\r");
            err.flush();
            statusWidth = 0;
        }
    }
}
