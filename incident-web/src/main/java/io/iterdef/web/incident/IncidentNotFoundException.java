package io.iterdef.web.incident;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No incident (or alert) with the given id: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IncidentNotFoundException extends RuntimeException {

	public IncidentNotFoundException(String message) {
		super(message);
	}

	static IncidentNotFoundException incident(long id) {
		return new IncidentNotFoundException("Incident " + id + " does not exist");
	}

}
