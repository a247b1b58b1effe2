package io.iterdef.agent.memory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The process {@link MemoryScanExecutorTest} scans: reads a marker from stdin, keeps it in memory as a Java string
 * and as a char[] (UTF-16LE), says "ready" and waits until stdin closes.
 */
public final class MemoryHolder {

	static volatile String marker;

	static volatile char[] utf16;

	private MemoryHolder() {
	}

	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		marker = new String(in.readLine().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		utf16 = marker.toCharArray();
		System.out.println("ready");
		System.out.flush();
		while (in.readLine() != null) {
			// wait for the test to close stdin
		}
	}

}
