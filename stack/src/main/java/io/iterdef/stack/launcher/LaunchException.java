package io.iterdef.stack.launcher;

/** The launch cannot go on; the message says what happened and what to do. */
final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;
    static final int TAIL_LINES = 30;

    LaunchException(String message) {
        super(message);
    }

    /** A failure of one service: what happened, the tail of its log, where the full log is and what to do. */
    static LaunchException of(ServiceProcess service, String what, String hint) {
        StringBuilder message = new StringBuilder(what).append('\n');
        message.append("last lines of ").append(service.log()).append(":\n");
        service.logTail(TAIL_LINES).forEach(line -> message.append("  | ").append(line).append('\n'));
        message.append("What to do: ").append(hint);
        return new LaunchException(message.toString());
    }
}
