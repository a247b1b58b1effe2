package io.iterdef.bench.system.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A shipper on one TCP connection to the collector's JSON-lines endpoint (like NXLog om_tcp): either as fast as the
 * collector reads (it stops reading while its Kafka sends are unconfirmed, so this is the rate it accepts), or paced
 * by a {@link Schedule}. Records are timed "now" (the intended time when paced) so the rules' windows see live
 * traffic. At the end it half-closes and waits for the collector to close: every line was then handed to Kafka.
 */
final class TcpSender implements AutoCloseable {
	private final Socket socket;

	private final BufferedOutputStream out;

	private final LoadMix mix;

	private final AtomicLong sequence;

	private final TimeText time = new TimeText();

	private long sent;

	/** Connects; {@code sequence} numbers the records of every sender of the run (markers are unique). */
	TcpSender(int port, LoadMix mix, AtomicLong sequence) throws IOException {
		this.socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSendBufferSize(1 << 20);
		this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
		this.mix = mix;
		this.sequence = sequence;
	}

	/** Sends as fast as the collector reads while {@code gate} is open, until {@code untilNanos}; the records sent. */
	long flatOut(long untilNanos, BacklogGate gate, LatencyBook book) throws IOException {
		long before = sent;
		while (System.nanoTime() < untilNanos) {
			if (!gate.open()) {
				out.flush();
				LockSupport.parkNanos(5_000_000L);
				continue;
			}
			for (int i = 0; i < 64; i++) {
				long now = System.nanoTime();
				send(now, System.currentTimeMillis(), book);
			}
		}
		out.flush();
		return sent - before;
	}

	/**
	 * Sends the records of {@code schedule} that are due before {@code untilNanos}, each when due (parking, not
	 * sleeping a fixed time per record); the records sent.
	 */
	long paced(Schedule schedule, long untilNanos, LatencyBook book) throws IOException {
		long before = sent;
		long offsetMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
		for (long i = 0;; i++) {
			long intended = schedule.intended(i);
			if (intended >= untilNanos) {
				break;
			}
			long now = System.nanoTime();
			if (intended > now) {
				out.flush();
				while ((now = System.nanoTime()) < intended) {
					LockSupport.parkNanos(intended - now);
				}
			}
			send(intended, offsetMillis + intended / 1_000_000, book);
		}
		out.flush();
		return sent - before;
	}

	private void send(long intendedNanos, long epochMillis, LatencyBook book) throws IOException {
		long seq = sequence.getAndIncrement();
		if (LoadMix.marked(seq)) {
			book.sent(seq, intendedNanos);
		}
		mix.write(out, seq, time.at(epochMillis));
		sent++;
	}

	/** Records sent on this connection. */
	long sent() {
		return sent;
	}

	/** Half-closes and waits (at most 60 s) until the collector closes: it has handed every line to Kafka. */
	@Override
	public void close() throws IOException {
		try (socket) {
			out.flush();
			socket.shutdownOutput();
			socket.setSoTimeout(60_000);
			InputStream in = socket.getInputStream();
			while (in.read() != -1) {
				// the collector sends nothing on this endpoint; read until it closes
			}
		}
		catch (SocketTimeoutException e) {
			throw new IOException("the collector did not close the connection within 60 s of the end of the load: "
					+ "were its Kafka sends confirmed? See the streams-app log", e);
		}
	}
}
