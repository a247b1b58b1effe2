package io.iterdef.bench.system.agents;

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
		double[] values = windows.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		int middle = values.length / 2;
		return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
