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

class SystemMappingsTest {

	@Test
	void shouldMapServiceWhenServiceInstalled() {
		ObjectNode ecs = map(event("System", "Service Control Manager", 7045, "ServiceName", "remotesvc", "ImagePath",
				"%COMSPEC% /c calc.exe", "ServiceType", "user mode service", "StartType", "demand start",
				"AccountName", "LocalSystem"));
		assertThat(texts(ecs, "event.category")).containsExactly("iam", "configuration");
		assertThat(text(ecs, "event.action")).isEqualTo("service-installed");
		assertThat(text(ecs, "service.name")).isEqualTo("remotesvc");
		assertThat(text(ecs, "service.type")).isEqualTo("user mode service");
	}

	@Test
	void shouldSetTypeByStateWhenServiceStateChanged() {
		ObjectNode running = map(event("System", "Service Control Manager", 7036, "param1", "Windows Update",
				"param2", "running"));
		assertThat(texts(running, "event.type")).containsExactly("start");
		assertThat(text(running, "service.name")).isEqualTo("Windows Update");
		assertThat(text(running, "service.state")).isEqualTo("running");
		ObjectNode stopped = map(event("System", "Service Control Manager", 7036, "param1", "Print Spooler",
				"param2", "stopped"));
		assertThat(texts(stopped, "event.type")).containsExactly("end");
	}

	@Test
	void shouldMapUserWhenLogCleared() {
		ObjectNode ecs = map(event("System", "Microsoft-Windows-Eventlog", 104, "SubjectUserName", "Administrator",
				"SubjectDomainName", "WKS-07", "Channel", "System", "BackupPath", ""));
		assertThat(text(ecs, "event.action")).isEqualTo("log-cleared");
		assertThat(text(ecs, "user.name")).isEqualTo("Administrator");
	}

	@Test
	void shouldFallBackToEventUserWhenLogClearedWithoutUserData() {
		WinEvent e = event("System", "Microsoft-Windows-Eventlog", 104);
		e.userSid = "S-1-5-21-1-2-3-500";
		e.userName = "Administrator";
		e.userDomain = "CORP";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "user.name")).isEqualTo("Administrator");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
		assertThat(text(ecs, "user.id")).isEqualTo("S-1-5-21-1-2-3-500");

		WinEvent subject = event("System", "Microsoft-Windows-Eventlog", 104, "SubjectUserName", "jdoe",
				"SubjectDomainName", "WKS-07");
		subject.userName = "SYSTEM";
		subject.userDomain = "NT AUTHORITY";
		ObjectNode fromSubject = map(subject);
		assertThat(text(fromSubject, "user.name")).isEqualTo("jdoe");
		assertThat(text(fromSubject, "user.domain")).isEqualTo("WKS-07");
	}

}
