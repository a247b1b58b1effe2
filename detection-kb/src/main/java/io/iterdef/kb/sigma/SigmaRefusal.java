package io.iterdef.kb.sigma;

/**
 * Why a Sigma rule cannot be converted: a short {@code category} (counted in the summary, e.g. "unsupported modifier")
 * and a message naming the exact thing. The converter refuses the whole rule; it never emits half a rule.
 */
public final class SigmaRefusal extends RuntimeException {

	private final String category;

	public SigmaRefusal(String category, String message) {
		super(message);
		this.category = category;
	}

	public String category() {
		return category;
	}

	/** "category: message". */
	public String reason() {
		return category + ": " + getMessage();
	}
}
