package io.iterdef.agent.server.enroll;

import java.util.List;
import java.util.Map;

import io.iterdef.agent.protocol.HostFacts;
import io.iterdef.agent.server.system.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrollmentServiceTest {

	@Test
	void shouldLowerCaseTheHostNameAndOs() {
		HostFacts checked = EnrollmentService.checked(new HostFacts(" WS-01.Corp.Example ", "Windows", "10.0.19045",
				"0.1.0", List.of("10.1.2.3"), Map.of("site", "fra")));

		assertThat(checked.hostname()).isEqualTo("ws-01.corp.example");
		assertThat(checked.os()).isEqualTo("windows");
		assertThat(checked.labels()).containsEntry("site", "fra");
	}

	@Test
	void shouldRefuseABadHostNameOrOs() {
		assertThatThrownBy(() -> EnrollmentService.checked(new HostFacts("a b", "linux", null, null, null, null)))
			.isInstanceOf(ApiException.class).hasMessage("bad host name");
		assertThatThrownBy(() -> EnrollmentService.checked(new HostFacts("-x", "linux", null, null, null, null)))
			.isInstanceOf(ApiException.class).hasMessage("bad host name");
		assertThatThrownBy(() -> EnrollmentService.checked(new HostFacts("h1", "solaris", null, null, null, null)))
			.isInstanceOf(ApiException.class).hasMessageContaining("unsupported os");
		assertThatThrownBy(() -> EnrollmentService.checked(null)).isInstanceOf(ApiException.class)
			.hasMessage("no host name");
	}

}
