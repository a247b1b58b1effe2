package io.iterdef.web.api;

import org.springframework.http.HttpStatus;

/** An API error answered as {"error": ..., "hint": ...} with its status. */
class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String hint;

	ApiException(HttpStatus status, String error, String hint) {
		super(error);
		this.status = status;
		this.hint = hint;
	}

	static ApiException notFound(String error) {
		return new ApiException(HttpStatus.NOT_FOUND, error, "List the incidents with GET /api/v1/incidents.");
	}

	static ApiException badRequest(String error) {
		return new ApiException(HttpStatus.BAD_REQUEST, error, "See the API description at /v3/api-docs.");
	}

	HttpStatus status() {
		return status;
	}

	String hint() {
		return hint;
	}

}
