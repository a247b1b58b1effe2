package io.iterdef.kb.decode;

/** A record that cannot be decoded; {@link #getMessage()} is the human-readable reason (for the dead-letter topic). */
public final class DecodeException extends Exception {

	private static final long serialVersionUID = 1L;

	public DecodeException(String reason) {
		super(reason);
	}

	public DecodeException(String reason, Throwable cause) {
		super(reason, cause);
	}
}
