package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

	@Test
	void shouldReadNumberWhenHexPaddedOrDecimal() {
		assertThat(Values.number("0x1010")).isEqualTo(4112L);
		assertThat(Values.number("0x00001010")).isEqualTo(4112L);
		assertThat(Values.number("4112")).isEqualTo(4112L);
		assertThat(Values.number(" 0XBA8 ")).isEqualTo(2984L);
		assertThat(Values.number("0xffffffffffffffff")).isEqualTo(-1L);
		assertThat(Values.number("-")).isNull();
		assertThat(Values.number("")).isNull();
		assertThat(Values.number("0x")).isNull();
		assertThat(Values.number("%%1833")).isNull();
		assertThat(Values.hexId("0x00000000018a7875")).isEqualTo("0x18a7875");
		assertThat(Values.hexId("0x3E7")).isEqualTo("0x3e7");
	}

	@Test
	void shouldSplitUserWhenDomainGiven() {
		assertThat(Values.user("CORP\\jdoe")).containsExactly("CORP", "jdoe");
		assertThat(Values.user("NT AUTHORITY\\SYSTEM")).containsExactly("NT AUTHORITY", "SYSTEM");
		assertThat(Values.user("jdoe")).containsExactly(null, "jdoe");
		assertThat(Values.user("-")).isNull();
		assertThat(Values.user("CORP\\")).isNull();
	}

	@Test
	void shouldSplitPathWhenWindowsPath() {
		String p = "C:\\Users\\Public\\Documents\\report.final.docm";
		assertThat(Values.fileName(p)).isEqualTo("report.final.docm");
		assertThat(Values.directory(p)).isEqualTo("C:\\Users\\Public\\Documents");
		assertThat(Values.extension(p)).isEqualTo("docm");
		assertThat(Values.extension("C:\\Windows\\System32\\drivers\\etc\\hosts")).isNull();
		assertThat(Values.fileName("C:\\Temp\\")).isNull();
		assertThat(Values.directory("hosts")).isNull();
	}

	@Test
	void shouldSplitOnBackslashOnlyWhenWindowsPathHasSlashInArguments() {
		String command = "C:\\Users\\jdoe\\AppData\\Local\\Temp\\updater.exe /background";
		assertThat(Values.fileName(command)).isEqualTo("updater.exe /background");
		assertThat(Values.directory(command)).isEqualTo("C:\\Users\\jdoe\\AppData\\Local\\Temp");
		assertThat(Values.fileName("/usr/bin/python3")).isEqualTo("python3");
		assertThat(Values.directory("/usr/bin/python3")).isEqualTo("/usr/bin");
		assertThat(Values.fileName("C:/Windows/System32/cmd.exe")).isEqualTo("cmd.exe");
	}

	@Test
	void shouldParseHashesWhenSysmonHashes() {
		assertThat(Values.hashes("SHA1=AB12,MD5=CD34,SHA256=EF56,IMPHASH=00000000000000000000000000000000"))
			.containsExactly(org.assertj.core.api.Assertions.entry("sha1", "ab12"),
					org.assertj.core.api.Assertions.entry("md5", "cd34"),
					org.assertj.core.api.Assertions.entry("sha256", "ef56"));
		assertThat(Values.hashes("-")).isEmpty();
	}

	@Test
	void shouldWriteOnlyPresentValuesWhenPutting() {
		ObjectNode ecs = Json.MAPPER.createObjectNode();
		Values.put(ecs, "process.parent.name", "-");
		Values.put(ecs, "process.title", " ");
		Values.putNumber(ecs, "process.pid", "0x10");
		Values.putTrimmed(ecs, "winlog.logon.process_name", "User32 ");
		assertThat(ecs.toString())
			.isEqualTo("{\"process\":{\"pid\":16},\"winlog\":{\"logon\":{\"process_name\":\"User32\"}}}");
	}

	@Test
	void shouldSplitArgumentsWhenQuotedAndEscaped() {
		assertThat(CommandLines.argv("\"C:\\Program Files\\a.exe\" -x \"a \\\"b\\\" c\" d\\\\e"))
			.containsExactly("C:\\Program Files\\a.exe", "-x", "a \"b\" c", "d\\\\e");
		assertThat(CommandLines.argv("  ")).isEmpty();
	}

}
