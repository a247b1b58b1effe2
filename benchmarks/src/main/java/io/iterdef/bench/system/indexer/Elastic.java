package io.iterdef.bench.system.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** What the benchmark asks Elasticsearch about its indices (on a client of its own, not the one measured). */
final class Elastic {
	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration POLL = Duration.ofMillis(20);

	/** Longer than the indexer's longest backoff (30 s) after a failed bulk. */
	private static final Duration STALL = Duration.ofSeconds(90);

	private final RestClient rest;

	Elastic(RestClient rest) {
		this.rest = rest;
	}

	boolean exists(String index) throws IOException {
		return rest.performRequest(new Request("HEAD", "/" + index)).getStatusLine().getStatusCode() == 200;
	}

	/**
	 * Index operations the primary shards have executed (visible at once, unlike a count, which waits for a refresh);
	 * 0 while the index does not exist.
	 */
	long indexed(String index) throws IOException {
		Request request = new Request("GET", "/" + index + "/_stats/indexing");
		request.addParameter("filter_path", "_all.primaries.indexing.index_total");
		try {
			return json(rest.performRequest(request)).path("_all").path("primaries").path("indexing").path("index_total")
					.asLong();
		}
		catch (ResponseException e) {
			if (e.getResponse().getStatusLine().getStatusCode() == 404) {
				return 0;
			}
			throw e;
		}
	}

	/**
	 * Waits until {@code count} documents were indexed into the index. Fails when the
	 * timeout passes, or when nothing more was indexed for {@link #STALL} (the side under test stopped).
	 */
	Progress awaitIndexed(String index, long count, Duration timeout, Runnable check)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long lastProgress = System.nanoTime();
		long first = 0;
		long last = 0;
		long indexed;
		while ((indexed = indexed(index)) < count) {
			check.run();
			long now = System.nanoTime();
			if (indexed > last) {
				first = last == 0 ? now : first;
				last = indexed;
				lastProgress = now;
			}
			if (now - deadline > 0 || now - lastProgress > STALL.toNanos()) {
				throw new IllegalStateException("only " + indexed + " of " + count + " documents were indexed into "
						+ index + (now - deadline > 0 ? " within " + timeout : ", and none for " + STALL.toSeconds()
								+ " s") + ": see the log above for what the side under test reported");
			}
			Thread.sleep(POLL.toMillis()); // a poll: Elasticsearch announces nothing
		}
		long end = System.nanoTime();
		return new Progress(first == 0 ? end : first, end);
	}

	/** When the first documents were seen indexed, and when all were (System.nanoTime()). */
	record Progress(long first, long all) {
	}

	/** The documents a search sees after a refresh. */
	long refreshAndCount(String index) throws IOException {
		rest.performRequest(new Request("POST", "/" + index + "/_refresh"));
		return json(rest.performRequest(new Request("GET", "/" + index + "/_count"))).path("count").asLong();
	}

	void delete(String index) throws IOException {
		try {
			rest.performRequest(new Request("DELETE", "/" + index));
		}
		catch (ResponseException e) {
			if (e.getResponse().getStatusLine().getStatusCode() != 404) {
				throw e;
			}
		}
	}

	private static JsonNode json(Response response) throws IOException {
		return JSON.readTree(EntityUtils.toByteArray(response.getEntity()));
	}
}
