package io.iterdef.agent.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/**
 * memory.scan {pid, patterns, maxHits?}: searches the readable regions of a process's memory (Linux: the regions
 * of /proc/PID/maps read through /proc/PID/mem) for byte or string patterns. The bytes read count against the
 * task's byte budget: when it is spent, or {@code maxHits} hits were found, the scan stops with
 * {@code truncated: true} and the hits so far. A region the kernel refuses to read (e.g. guard pages) is skipped
 * and counted in {@code regionsUnreadable}. Windows is not supported by this agent.
 */
public final class MemoryScanExecutor implements TaskExecutor {

	static final int CHUNK_BYTES = 1024 * 1024;

	private final Path proc;

	private final int chunkBytes;

	public MemoryScanExecutor(Path proc) {
		this(proc, CHUNK_BYTES);
	}

	MemoryScanExecutor(Path proc, int chunkBytes) {
		this.proc = proc;
		this.chunkBytes = chunkBytes;
	}

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException {
		if (HostFactsCollector.isWindows()) {
			throw new TaskFailedException("memory.scan is supported on Linux only by this agent");
		}
		long pid = context.integer("pid", -1, 1, Integer.MAX_VALUE);
		if (pid < 0) {
			throw new TaskFailedException("parameter \"pid\" is missing (the process id to scan)");
		}
		List<MemoryPattern> patterns = MemoryPattern.parse(context.params().get("patterns"));
		int maxHits = context.integer("maxHits", 100, 1, 10_000);
		Path dir = proc.resolve(Long.toString(pid));
		List<MemoryRegion> regions = MemoryRegion.parse(readMaps(dir, pid));
		PatternSearch search = new PatternSearch(patterns, maxHits);
		Budget budget = context.budget();
		long scanned = 0;
		int regionsScanned = 0;
		int unreadable = 0;
		boolean truncated = false;
		try (FileChannel mem = open(dir.resolve("mem"), pid)) {
			ByteBuffer buffer = ByteBuffer.allocate(chunkBytes);
			for (MemoryRegion region : regions) {
				if (!region.scannable()) {
					continue;
				}
				if (search.full() || budget.remaining() == 0) {
					truncated = true;
					break;
				}
				search.startRegion(region.start(), region.label());
				long position = region.start();
				boolean readable = true;
				while (position < region.end() && !search.full()) {
					int want = (int) Math.min(Math.min(chunkBytes, region.end() - position), budget.remaining());
					if (want == 0) {
						truncated = true;
						break;
					}
					buffer.clear().limit(want);
					int read;
					try {
						read = mem.read(buffer, position);
					}
					catch (IOException ex) {
						read = -1;
					}
					if (read <= 0) {
						readable = position > region.start();
						break;
					}
					budget.consume(read);
					search.chunk(buffer.array(), read);
					scanned += read;
					position += read;
				}
				if (readable) {
					regionsScanned++;
				}
				else {
					unreadable++;
				}
			}
		}
		truncated |= search.full();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("pid", pid);
		data.put("processName", processName(dir));
		data.put("bytesScanned", scanned);
		data.put("regionsScanned", regionsScanned);
		data.put("regionsUnreadable", unreadable);
		data.put("truncated", truncated);
		data.put("hits", search.hits());
		return data;
	}

	private static List<String> readMaps(Path dir, long pid) throws IOException {
		try {
			return Files.readAllLines(dir.resolve("maps"));
		}
		catch (NoSuchFileException ex) {
			throw new TaskFailedException("no process with pid " + pid);
		}
		catch (AccessDeniedException ex) {
			throw new TaskFailedException("the agent may not read the memory map of pid " + pid
					+ " (run the agent as root, or as the process's user)");
		}
	}

	private static FileChannel open(Path mem, long pid) throws IOException {
		try {
			return FileChannel.open(mem, StandardOpenOption.READ);
		}
		catch (NoSuchFileException ex) {
			throw new TaskFailedException("process " + pid + " ended before its memory could be read");
		}
		catch (AccessDeniedException ex) {
			throw new TaskFailedException("the agent may not read the memory of pid " + pid
					+ " (needs root or CAP_SYS_PTRACE, or the same user under kernel.yama.ptrace_scope=0)");
		}
	}

	private static String processName(Path dir) {
		try {
			return Files.readString(dir.resolve("comm")).strip();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
