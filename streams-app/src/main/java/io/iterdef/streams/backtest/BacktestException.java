package io.iterdef.streams.backtest;

/** A failure of a backtest run, with a message for the user (printed without a stack trace). */
final class BacktestException extends RuntimeException {
    BacktestException(String message) {
        super(message);
    }
}
