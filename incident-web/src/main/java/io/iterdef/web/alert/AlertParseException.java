package io.iterdef.web.alert;

/** An alert record that cannot be ingested as it is; retrying will not help, so it is skipped. */
class AlertParseException extends RuntimeException {

	AlertParseException(String message) {
		super(message);
	}

	AlertParseException(String message, Throwable cause) {
		super(message, cause);
	}

}
