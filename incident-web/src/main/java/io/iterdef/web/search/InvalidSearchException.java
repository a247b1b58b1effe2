package io.iterdef.web.search;

/**
 * A search the user asked for that cannot run as given (a bad time, a bad page token, an unknown sort): the
 * message says what was wrong and what to do; pages show it, JSON and export endpoints answer 400 with it.
 */
public class InvalidSearchException extends RuntimeException {

	public InvalidSearchException(String message) {
		super(message);
	}

}
