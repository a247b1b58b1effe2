package io.iterdef.streams.collector.http;

/** Why a request is refused: HTTP status, the metric reason and a message for the client. */
final class Refusal extends Exception {
    private final int status;
    private final String reason;

    Refusal(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
