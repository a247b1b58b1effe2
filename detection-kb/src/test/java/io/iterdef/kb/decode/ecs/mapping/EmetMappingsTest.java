package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import org.junit.jupiter.api.Test;

import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.at;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.event;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.map;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.text;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

class EmetMappingsTest {

	@Test
	void shouldParseTextWhenMitigationBlocked() {
		WinEvent e = event("Application", "EMET", 2);
		e.unnamedData.add("EMET version 5.52.6268.31215\nEMET detected StackPivot mitigation and will close the "
				+ "application: winword.exe\r\n\r\nStackPivot check failed:\n  Application \t: C:\\Program Files\\"
				+ "Microsoft Office\\root\\Office16\\WINWORD.EXE\n  User Name \t: CORP\\jdoe\n  Session ID \t: 1\n"
				+ "  PID \t\t: 0x1F4C (8012)\n  TID \t\t: 0x2A10 (10768)\n  API Name \t: kernel32.VirtualAlloc\n"
				+ "  ReturnAddress \t: 0x0A1B2C3D\n  CalledAddress \t: 0x76F01230\n  StackPtr \t: 0x05E0F000\n");
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "event.kind")).isEqualTo("alert");
		assertThat(texts(ecs, "event.category")).containsExactly("intrusion_detection");
		assertThat(texts(ecs, "event.type")).containsExactly("denied");
		assertThat(text(ecs, "event.outcome")).isEqualTo("failure");
		assertThat(text(ecs, "emet.version")).isEqualTo("5.52.6268.31215");
		assertThat(text(ecs, "emet.mitigation")).isEqualTo("StackPivot");
		assertThat(text(ecs, "process.executable"))
			.isEqualTo("C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE");
		assertThat(text(ecs, "process.name")).isEqualTo("WINWORD.EXE");
		assertThat(at(ecs, "process.pid").asLong()).isEqualTo(8012);
		assertThat(at(ecs, "process.thread.id").asLong()).isEqualTo(10768);
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "emet.api_name")).isEqualTo("kernel32.VirtualAlloc");
		assertThat(text(ecs, "emet.stack_pointer")).isEqualTo("0x05E0F000");
		assertThat(text(ecs, "emet.session_id")).isEqualTo("1");
	}

	@Test
	void shouldUseMessageWhenNoDataAndParseStatus() {
		WinEvent status = event("Application", "EMET", 50);
		status.message = "EMET version 5.51.6024.23969\r\nEMET Service status is: Running\r\n";
		ObjectNode ecs = map(status);
		assertThat(text(ecs, "event.action")).isEqualTo("emet-status");
		assertThat(text(ecs, "emet.service_status")).isEqualTo("Running");
		assertThat(text(ecs, "emet.version")).isEqualTo("5.51.6024.23969");

		WinEvent audit = event("Application", "EMET", 1, "param1",
				"EMET version 5.5.5871.31892\nEMET detected MemProt mitigation in iexplore.exe\r\n\r\nMemProt check failed:\n"
						+ "  Application \t: C:\\Program Files\\Internet Explorer\\iexplore.exe\n  PID \t\t: 0x474 (1140)\n");
		ObjectNode detected = map(audit);
		assertThat(text(detected, "event.action")).isEqualTo("exploit-mitigation-detected");
		assertThat(text(detected, "emet.mitigation")).isEqualTo("MemProt");
		assertThat(at(detected, "process.pid").asLong()).isEqualTo(1140);
		assertThat(text(detected, "process.name")).isEqualTo("iexplore.exe");
	}

}
