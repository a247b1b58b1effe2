package io.iterdef.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line describing where the figures were measured: CPU model and cores, memory, OS, JVM. */
public final class Machine {

	private Machine() {
	}

	public static String describe() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%s, %d cores, %s memory, %s %s, Java %s (%s)", cpuModel(),
				runtime.availableProcessors(), memory(), System.getProperty("os.name"), System.getProperty("os.version"),
				System.getProperty("java.version"), System.getProperty("java.vm.name"));
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
		}
		catch (IOException | RuntimeException e) {
			return System.getProperty("os.arch");
		}
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
					.map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst()
					.orElse("unknown");
		}
		catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}
}
