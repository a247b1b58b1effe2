package io.iterdef.web.search;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export of a search's matches (any signed-in user): CSV of the chosen columns or NDJSON of the whole events,
 * streamed while it walks search_after pages, at most iterdef.search.export-max-rows rows. Whether the cap cuts
 * the export is known before the first byte (a bounded count), and said in the header
 * {@value #TRUNCATED_HEADER}. A bad query or a down Elasticsearch answers before streaming, with a plain-text
 * message and 400 / 503.
 */
@RestController
class ExportController {

	static final String TRUNCATED_HEADER = "X-Iterdef-Export-Truncated";

	private static final Logger log = LoggerFactory.getLogger(ExportController.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	/** The Elasticsearch side's Jackson 2: one event source per NDJSON line. */
	private static final ObjectMapper NDJSON = new ObjectMapper();

	private final EventSearch search;

	ExportController(EventSearch search) {
		this.search = search;
	}

	@GetMapping("/search/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String q, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String columns,
			@RequestParam(required = false) String sort) {
		boolean csv = format == null || format.isBlank() || format.equals("csv");
		if (!csv && !format.equals("ndjson")) {
			throw new InvalidSearchException("Format must be csv or ndjson.");
		}
		SearchQuery query = SearchQuery.parse(q, from, to, columns, sort, Instant.now());
		int max = search.limits().exportMaxRows();
		boolean truncated = search.count(query, max + 1) > max;
		String filename = "iterdef-events-" + FILE_TIME.format(Instant.now()) + (csv ? ".csv" : ".ndjson");
		StreamingResponseBody body = out -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			try {
				if (csv) {
					writeCsv(query, max, writer);
				}
				else {
					writeNdjson(query, max, writer);
				}
			}
			catch (SearchFailedException | UncheckedIOException ex) {
				// Headers are gone: the export ends early; the log says why.
				log.warn("Export stopped: {}", ex.getMessage());
			}
			writer.flush();
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.header(TRUNCATED_HEADER, String.valueOf(truncated))
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : new MediaType("application", "x-ndjson"))
			.body(body);
	}

	private void writeCsv(SearchQuery query, int max, Writer writer) throws java.io.IOException {
		CsvWriter csv = new CsvWriter(writer);
		csv.header(query.columns());
		search.walk(query, max, hit -> {
			try {
				csv.row(query.columns().stream().map(hit::value).toList());
			}
			catch (java.io.IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private void writeNdjson(SearchQuery query, int max, Writer writer) {
		search.walk(query, max, hit -> {
			try {
				writer.write(NDJSON.writeValueAsString(hit.source()));
				writer.write('\n');
			}
			catch (java.io.IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@ExceptionHandler(InvalidSearchException.class)
	ResponseEntity<String> invalid(InvalidSearchException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
	}

	@ExceptionHandler(SearchFailedException.class)
	ResponseEntity<String> failed(SearchFailedException ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
	}

}
