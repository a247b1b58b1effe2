package io.iterdef.kb.cli;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads NDJSON files line by line; undecodable lines are counted and reported (file:line: reason), not fatal. */
final class FileReader {

	static final int MAX_REPORTED = 50;

	private final Decoders decoders;

	private final PrintWriter err;

	long records;

	long decoded;

	long undecodable;

	FileReader(Decoders decoders, PrintWriter err) {
		this.decoders = decoders;
		this.err = err;
	}

	List<Event> read(Path file) throws IOException {
		List<Event> events = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int lineNo = 0;
			while ((line = in.readLine()) != null) {
				lineNo++;
				if (lineNo == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				if (line.isBlank()) {
					continue;
				}
				records++;
				try {
					List<Event> decodedEvents = decoders.decode(line.getBytes(StandardCharsets.UTF_8), null);
					events.addAll(decodedEvents);
					decoded++;
				}
				catch (DecodeException e) {
					undecodable++;
					if (undecodable <= MAX_REPORTED) {
						err.println(file + ":" + lineNo + ": undecodable: " + e.getMessage());
					}
					else if (undecodable == MAX_REPORTED + 1) {
						err.println("(further undecodable lines not listed)");
					}
				}
			}
		}
		return events;
	}
}
