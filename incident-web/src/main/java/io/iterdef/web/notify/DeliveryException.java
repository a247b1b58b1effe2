package io.iterdef.web.notify;

/** A notification could not be delivered; the message is shown as the row's last error. */
class DeliveryException extends Exception {

	DeliveryException(String message) {
		super(message);
	}

}
