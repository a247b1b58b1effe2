package io.iterdef.agent.server.enroll;

import java.util.OptionalLong;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@value AgentApi#ENROLL}: rate-limited per source address (429 with Retry-After), then {@link EnrollmentService}. */
@RestController
class EnrollController {

	private final EnrollmentService enrollment;

	private final EnrollmentRateLimiter limiter;

	EnrollController(EnrollmentService enrollment, EnrollmentRateLimiter limiter) {
		this.enrollment = enrollment;
		this.limiter = limiter;
	}

	@PostMapping(AgentApi.ENROLL)
	ResponseEntity<?> enroll(@RequestBody EnrollRequest request, HttpServletRequest http) {
		OptionalLong retryAfter = limiter.attempt(http.getRemoteAddr());
		if (retryAfter.isPresent()) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()))
				.body(new ErrorResponse("too many enrollment attempts from " + http.getRemoteAddr(),
						"retry after " + retryAfter.getAsLong() + " s"));
		}
		EnrollResponse response = enrollment.enroll(request);
		return ResponseEntity.ok(response);
	}

}
