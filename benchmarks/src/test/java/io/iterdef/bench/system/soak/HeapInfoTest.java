package io.iterdef.bench.system.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The outputs are jcmd GC.heap_info of JDK 17 (17.0.15), after GC.run, with -Xmx64m. */
class HeapInfoTest {

	@Test
	void shouldReadG1sUsedHeapWhenGivenItsOutput() {
		String out = """
				30852:
				 garbage-first heap   total 10240K, used 1037K [0x00000000fc000000, 0x0000000100000000)
				  region size 1024K, 0 young (0K), 0 survivors (0K)
				 Metaspace       used 73K, committed 320K, reserved 1114112K
				  class space    used 3K, committed 128K, reserved 1048576K
				""";

		assertThat(HeapInfo.usedBytes(out)).isEqualTo(1037L * 1024);
	}

	@Test
	void shouldAddTheGenerationsWhenGivenParallelsOutput() {
		String out = """
				30915:
				 PSYoungGen      total 18944K, used 10K [0x00000000feb00000, 0x0000000100000000, 0x0000000100000000)
				  eden space 16384K, 0% used [0x00000000feb00000,0x00000000feb00000,0x00000000ffb00000)
				  from space 2560K, 0% used [0x00000000ffb00000,0x00000000ffb00000,0x00000000ffd80000)
				  to   space 2560K, 0% used [0x00000000ffd80000,0x00000000ffd80000,0x0000000100000000)
				 ParOldGen       total 44032K, used 449K [0x00000000fc000000, 0x00000000feb00000, 0x00000000feb00000)
				  object space 44032K, 1% used [0x00000000fc000000,0x00000000fc0704e8,0x00000000feb00000)
				 Metaspace       used 128K, committed 320K, reserved 1114112K
				  class space    used 3K, committed 128K, reserved 1048576K
				""";

		assertThat(HeapInfo.usedBytes(out)).isEqualTo(459L * 1024);
	}

	@Test
	void shouldAddTheGenerationsWhenGivenSerialsOutput() {
		String out = """
				30973:
				 def new generation   total 19648K, used 0K [0x00000000fc000000, 0x00000000fd550000, 0x00000000fd550000)
				  eden space 17472K,   0% used [0x00000000fc000000, 0x00000000fc000000, 0x00000000fd110000)
				  from space 2176K,   0% used [0x00000000fd110000, 0x00000000fd110000, 0x00000000fd330000)
				  to   space 2176K,   0% used [0x00000000fd330000, 0x00000000fd330000, 0x00000000fd550000)
				 tenured generation   total 43712K, used 449K [0x00000000fd550000, 0x0000000100000000, 0x0000000100000000)
				   the space 43712K,   1% used [0x00000000fd550000, 0x00000000fd5c04e8, 0x00000000fd5c0600, 0x0000000100000000)
				 Metaspace       used 127K, committed 320K, reserved 1114112K
				  class space    used 3K, committed 128K, reserved 1048576K
				""";

		assertThat(HeapInfo.usedBytes(out)).isEqualTo(449L * 1024);
	}

	@Test
	void shouldReadZgcAndShenandoahWhenGivenTheirOutput() {
		String z = """
				31029:
				 ZHeap           used 2M, capacity 64M, max capacity 64M
				 Metaspace       used 130K, committed 320K, reserved 1114112K
				  class space    used 4K, committed 128K, reserved 1048576K
				""";
		String shenandoah = """
				31092:
				Shenandoah Heap
				 65536K max, 65536K soft max, 65536K committed, 542K used
				 256 x 256K regions
				Status: not cancelled

				 Metaspace       used 128K, committed 320K, reserved 1114112K
				  class space    used 3K, committed 128K, reserved 1048576K
				""";

		assertThat(HeapInfo.usedBytes(z)).isEqualTo(2L * 1024 * 1024);
		assertThat(HeapInfo.usedBytes(shenandoah)).isEqualTo(542L * 1024);
	}

	@Test
	void shouldSayWhatItGotWhenTheOutputNamesNoHeap() {
		String out = "31092:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file\n";

		assertThatThrownBy(() -> HeapInfo.usedBytes(out)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no used heap").hasMessageContaining("AttachNotSupportedException");
	}
}
