package io.iterdef.web.api;

import java.util.Map;

import io.iterdef.web.incident.IncidentNotFoundException;
import io.iterdef.web.incident.WorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** JSON errors, {"error": ..., "hint": ...}, for the REST controllers; no stack traces. */
@RestControllerAdvice(assignableTypes = ApiEndpoint.class)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> api(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(ApiErrors.body(ex.getMessage(), ex.hint()));
	}

	@ExceptionHandler(IncidentNotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(IncidentNotFoundException ex) {
		return api(ApiException.notFound(ex.getMessage()));
	}

	@ExceptionHandler(WorkflowException.class)
	ResponseEntity<Map<String, Object>> conflict(WorkflowException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ApiErrors.body(ex.getMessage(), "GET the incident to see its current state."));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return api(ApiException.badRequest("'" + ex.getValue() + "' is not a valid " + ex.getName() + "."));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException ex) {
		return api(ApiException.badRequest("The parameter '" + ex.getParameterName() + "' is missing."));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return api(ApiException.badRequest("The request body is not valid JSON of the expected shape."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // answered by the security filters (403 / 401 JSON)
		}
		log.error("API request failed", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ApiErrors.body("The server could not complete the request.",
					"Try again; if it keeps failing, the server log has the details."));
	}

}
