package io.iterdef.bench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The three rule shapes, each written once in DRL and once in EPL (resources bench/engine/SHAPE.drl|epl). */
public enum Shape {

	/** (a) one event decides: an encoded PowerShell command line. */
	SINGLE,
	/** (b) a count in a sliding window per host: 10 failed logons in 5 minutes. */
	THRESHOLD,
	/** (c) A followed by B on the same host within a window: Office, then PowerShell within 2 minutes. */
	SEQUENCE;

	public static Shape of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

	String drl() {
		return resource("drl");
	}

	String epl() {
		return resource("epl");
	}

	private String resource(String extension) {
		String path = "bench/engine/" + name().toLowerCase(Locale.ROOT) + "." + extension;
		try (InputStream in = Shape.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
