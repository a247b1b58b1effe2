package io.iterdef.web.api;

/** Marks the REST controllers whose errors {@link ApiExceptionHandler} answers as JSON. */
interface ApiEndpoint {
}
