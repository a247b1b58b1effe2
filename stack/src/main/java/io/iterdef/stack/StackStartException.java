package io.iterdef.stack;

import java.nio.file.Path;

/** A service of the stack could not be started or did not become healthy; the message says why and what to do. */
public final class StackStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final int LOG_LINES = 40;

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure message with what happened, what to do, and the tail of the service's log (when there is one). */
    static StackStartException of(String what, String hint, Path log, Throwable cause) {
        StringBuilder sb = new StringBuilder(what);
        if (hint != null && !hint.isBlank()) {
            sb.append("\nWhat to do: ").append(hint);
        }
        if (log != null) {
            sb.append('\n').append(LogTail.describe(log, LOG_LINES));
        }
        return new StackStartException(sb.toString(), cause);
    }
}
