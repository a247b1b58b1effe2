package io.iterdef.kb.sigma;

import java.util.List;

/** A parsed Sigma condition: search identifiers combined with and, or, not, "1 of" and "all of". */
public sealed interface Condition {

	/** A search identifier (a key of the detection). */
	record Ref(String name) implements Condition {
	}

	record Not(Condition operand) implements Condition {
	}

	record And(List<Condition> operands) implements Condition {
	}

	record Or(List<Condition> operands) implements Condition {
	}

	/**
	 * {@code 1 of PATTERN} ({@code all} false) or {@code all of PATTERN}: PATTERN is an identifier, possibly with
	 * {@code *} wildcards, or {@code them} (every identifier not starting with an underscore).
	 */
	record Of(boolean all, String pattern) implements Condition {
	}
}
