package io.iterdef.agent.protocol;

/**
 * The agent API's paths and headers (HTTPS, JSON bodies). Every call but enrollment carries
 * {@code Authorization: Bearer <credential>} of the enrolled agent; the server answers 401 to a missing, wrong
 * or revoked credential, with an {@link ErrorResponse}.
 *
 * <pre>
 * POST {@value #ENROLL}                      EnrollRequest            -> EnrollResponse
 * POST {@value #POLL}                        PollRequest              -> PollResponse (long poll: waits up to waitSeconds)
 * POST {@value #RESULT}                      TaskResult               -> 204 (idempotent by task id)
 * POST {@value #UPLOAD_START}                UploadStart              -> UploadStarted
 * PUT  {@value #UPLOAD_CHUNK}                raw bytes (one chunk)    -> 204 (idempotent by index)
 * POST {@value #UPLOAD_FINISH}               (none)                   -> 204, or 400 when size or SHA-256 differ
 * GET  {@value #UPDATE_PACKAGE}              (none)                   -> the agent package's bytes (agent.update)
 * GET  {@value #UPDATE_SIGNATURE}            (none)                   -> its release signature (base64 text)
 * </pre>
 */
public final class AgentApi {

	/** The protocol version; a server refuses an agent with another major version (426 with a hint). */
	public static final int VERSION = 1;

	public static final String PREFIX = "/agent/v1";

	public static final String ENROLL = PREFIX + "/enroll";

	public static final String POLL = PREFIX + "/poll";

	public static final String RESULT = PREFIX + "/tasks/{taskId}/result";

	public static final String UPLOAD_START = PREFIX + "/tasks/{taskId}/uploads";

	public static final String UPLOAD_CHUNK = PREFIX + "/uploads/{uploadId}/chunks/{index}";

	public static final String UPLOAD_FINISH = PREFIX + "/uploads/{uploadId}/finish";

	public static final String UPDATE_PACKAGE = PREFIX + "/update/{version}";

	public static final String UPDATE_SIGNATURE = PREFIX + "/update/{version}/signature";

	/**
	 * What an update package's version may look like (it names the files {@code <version>.jar} and
	 * {@code <version>.jar.sig} on the server): a letter or digit, then letters, digits, '.', '_', '-'; never "..".
	 */
	public static final String UPDATE_VERSION_PATTERN = "(?!.*\\.\\.)[0-9A-Za-z][0-9A-Za-z._-]{0,63}";

	/** Sent with every request: the protocol version the agent speaks. */
	public static final String VERSION_HEADER = "X-Iterdef-Agent-Protocol";

	private AgentApi() {
	}

	/** A path template with its {placeholders} filled in order. */
	public static String path(String template, Object... values) {
		String path = template;
		for (Object value : values) {
			int open = path.indexOf('{');
			int close = path.indexOf('}', open);
			if (open < 0 || close < 0) {
				throw new IllegalArgumentException("too many values for " + template);
			}
			path = path.substring(0, open) + value + path.substring(close + 1);
		}
		if (path.indexOf('{') >= 0) {
			throw new IllegalArgumentException("missing values for " + template);
		}
		return path;
	}

}
