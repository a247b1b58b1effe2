package io.iterdef.bench.system.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * streams-app's counters from its collector's {@code GET /metrics} (Prometheus text): detect's late events (later than
 * the grace period: evaluated by single-event rules only, so they never complete a threshold or a sequence).
 */
final class AppMetrics {
	static final String LATE_EVENTS = "iterdef_detect_late_events_total";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI uri;

	AppMetrics(int httpPort) {
		this.uri = URI.create("http://127.0.0.1:" + httpPort + "/metrics");
	}

	/** The counter {@code name} now; -1 when the endpoint does not answer or has no such counter. */
	long counter(String name) throws InterruptedException {
		try {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return r.statusCode() == 200 ? value(r.body(), name) : -1;
		}
		catch (IOException e) {
			return -1;
		}
	}

	/** The value of the unlabelled sample {@code name} in Prometheus text, or -1. */
	static long value(String text, String name) {
		for (String line : text.split("\\R")) {
			if (line.startsWith(name + " ")) {
				try {
					return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
				}
				catch (NumberFormatException e) {
					return -1;
				}
			}
		}
		return -1;
	}
}
