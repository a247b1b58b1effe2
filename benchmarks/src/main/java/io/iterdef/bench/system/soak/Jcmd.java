package io.iterdef.bench.system.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code jcmd} of this JDK against a child JVM: a full GC, then the used heap after it. */
final class Jcmd {
	private final long pid;

	Jcmd(long pid) {
		this.pid = pid;
	}

	/** Forces a GC ({@code GC.run}) and reads the used heap after it ({@code GC.heap_info}), in bytes. */
	long usedHeapAfterGc() throws IOException, InterruptedException {
		run("GC.run");
		return HeapInfo.usedBytes(run("GC.heap_info"));
	}

	private String run(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (!Files.isExecutable(jcmd)) {
			throw new IllegalStateException(jcmd + " is missing: the soak needs a JDK (not a JRE) to read the heap of "
					+ "streams-app");
		}
		Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command)).redirectErrorStream(true)
				.start();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("jcmd " + pid + " " + command + " did not finish within 60 s");
		}
		String text = new String(out, StandardCharsets.UTF_8);
		if (p.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + pid + " " + command + " failed (exit " + p.exitValue() + "): "
					+ text);
		}
		return text;
	}
}
