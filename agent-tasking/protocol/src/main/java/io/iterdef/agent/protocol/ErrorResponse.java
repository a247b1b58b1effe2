package io.iterdef.agent.protocol;

/** Every error the agent API answers: what was wrong and what to do. */
public record ErrorResponse(String error, String hint) {
}
