package io.iterdef.agent.server.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.iterdef.agent.protocol.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ErrorResponse} from a servlet filter (before any controller runs). */
public final class JsonErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonErrors() {
	}

	public static void write(HttpServletResponse response, int status, String error, String hint) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JSON.writeValueAsBytes(new ErrorResponse(error, hint)));
	}

}
