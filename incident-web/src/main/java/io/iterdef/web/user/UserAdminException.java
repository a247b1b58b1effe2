package io.iterdef.web.user;

/** A user or team change that was refused, with a message for the person who asked for it. */
class UserAdminException extends RuntimeException {

	UserAdminException(String message) {
		super(message);
	}

}
