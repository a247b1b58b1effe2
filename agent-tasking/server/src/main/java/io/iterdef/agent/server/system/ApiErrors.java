package io.iterdef.agent.server.system;

import io.iterdef.agent.protocol.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the agent and admin APIs as an {@link ErrorResponse}: what was wrong and what to do. */
@RestControllerAdvice
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorResponse> refused(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(new ErrorResponse(ex.getMessage(), ex.hint()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(new ErrorResponse("the request body is not the expected JSON",
					"send the protocol's record for this path (see io.iterdef.agent.protocol.AgentApi)"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ErrorResponse> badPath(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(new ErrorResponse("bad " + ex.getName() + " in the path", "use the id the server gave"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorResponse> method(HttpRequestMethodNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(new ErrorResponse(ex.getMethod() + " is not supported here", "see AgentApi for each path's method"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorResponse> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(new ErrorResponse("unsupported content type", "send application/json"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ErrorResponse> notFound(NoResourceFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(new ErrorResponse("no such path", "see io.iterdef.agent.protocol.AgentApi"));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ErrorResponse> unexpected(RuntimeException ex) {
		log.error("agent API request failed", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(new ErrorResponse("internal error", "retry later; the server log has the cause"));
	}

}
