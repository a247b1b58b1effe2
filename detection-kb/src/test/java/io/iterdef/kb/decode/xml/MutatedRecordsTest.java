package io.iterdef.kb.decode.xml;

import io.iterdef.kb.decode.DecodeException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Cut, flipped and spliced XML and syslog records are decoded or refused with a reason; nothing else escapes. */
class MutatedRecordsTest {

	static final List<String> SEEDS = List.of(WindowsXmlDecoderTest.SYSMON_22, WindowsXmlDecoderTest.LIBEVTX_4625,
			"<?xml version=\"1.0\"?>\n<Events>" + WindowsXmlDecoderTest.SYSMON_22 + "</Events>",
			"<14>1 2024-03-11T09:41:30.209Z ws1 app 1 - [x@1 a=\"b\"] " + WindowsXmlDecoderTest.SYSMON_22,
			"<14>Mar 11 09:43:02 WS1 app[1]: " + WindowsXmlDecoderTest.SYSMON_22);

	static final byte[] SPECIAL = "<>/!?[]-'\"&;=: \n\u00ef".getBytes(StandardCharsets.ISO_8859_1);

	@Test
	void shouldRefuseWithAReasonWhenRecordsAreMutated() {
		Random random = new Random(20240311L);
		int refused = 0;
		for (int i = 0; i < 20_000; i++) {
			byte[] record = mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), random);
			try {
				WindowsXmlDecoderTest.DECODERS.decode(record, null);
			}
			catch (DecodeException e) {
				refused++;
				assertThat(e.getMessage()).as(new String(record, StandardCharsets.UTF_8))
					.isNotBlank()
					.doesNotContain("decoder failed")
					.doesNotContain("ECS mapping failed");
			}
		}
		assertThat(refused).isGreaterThan(1000);
	}

	private static byte[] mutate(byte[] seed, Random random) {
		byte[] b = seed.clone();
		switch (random.nextInt(4)) {
			case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
			case 1 -> {
				for (int n = random.nextInt(4) + 1; n > 0; n--) {
					b[random.nextInt(b.length)] = SPECIAL[random.nextInt(SPECIAL.length)];
				}
			}
			case 2 -> {
				int from = random.nextInt(b.length);
				int to = Math.min(b.length, from + random.nextInt(40));
				byte[] cut = new byte[b.length - (to - from)];
				System.arraycopy(b, 0, cut, 0, from);
				System.arraycopy(b, to, cut, from, b.length - to);
				b = cut;
			}
			default -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
		}
		return b;
	}

}
