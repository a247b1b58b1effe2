package io.iterdef.bench.system.agents;

import io.iterdef.bench.report.Medians;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians over the measured windows. */
final class Windows {

	private Windows() {
	}

	/**
	 * The median of one figure over the windows that have it (not NaN), the mean of the middle two for an even
	 * count; NaN for none.
	 */
	static double median(List<Window> windows, ToDoubleFunction<Window> figure) {
		return Medians.of(windows.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).boxed().toList());
	}

}
