package io.iterdef.kb.cli;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads event files for {@code detect}: every format {@code decode} reads (JSON lines, pretty evtx_dump JSON,
 * syslog lines, Windows XML exports), through {@link RecordReader}; undecodable records are counted and reported
 * (file:line: reason), not fatal.
 */
final class FileReader {

	static final int MAX_REPORTED = 50;

	private final Decoders decoders;

	private final PrintWriter err;

	private final Progress progress;

	long records;

	long decoded;

	long undecodable;

	/** Bytes of the records read so far (record bytes plus a line end: close to the files' size). */
	long bytes;

	long events;

	FileReader(Decoders decoders, PrintWriter err, Progress progress) {
		this.decoders = decoders;
		this.err = err;
		this.progress = progress;
	}

	List<Event> read(Path file) throws IOException {
		List<Event> events = new ArrayList<>();
		RecordReader.read(file, null, new RecordReader.Sink() {
			@Override
			public void record(byte[] bytes, int line, String formatHint) {
				records++;
				FileReader.this.bytes += bytes.length + 1;
				try {
					List<Event> decodedEvents = decoders.decode(bytes, formatHint);
					events.addAll(decodedEvents);
					FileReader.this.events += decodedEvents.size();
					decoded++;
				}
				catch (DecodeException e) {
					undecodable(file, line, e.getMessage());
				}
				progress.update(FileReader.this.bytes, String.format("%,d events", FileReader.this.events));
			}

			@Override
			public void refused(int line, String reason) {
				records++;
				undecodable(file, line, reason);
			}
		});
		return events;
	}

	private void undecodable(Path file, int line, String reason) {
		undecodable++;
		if (undecodable <= MAX_REPORTED) {
			err.println(file + ":" + line + ": undecodable: " + reason);
		}
		else if (undecodable == MAX_REPORTED + 1) {
			err.println("(further undecodable lines not listed)");
		}
	}

}
