package io.iterdef.agent.server.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The update endpoints over HTTPS: agent-authenticated, 404 for an unknown version, no way out of the folder. */
class UpdateIT extends AgentServerStackSupport {

	@Autowired
	UpdatePackages packages;

	private final String version = "9.9." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "-it";

	private final String content = "PK\u0003\u0004 update package " + UUID.randomUUID();

	@BeforeEach
	void publish() throws Exception {
		Files.createDirectories(packages.dir());
		Files.writeString(packages.dir().resolve(version + ".jar"), content, StandardCharsets.ISO_8859_1);
		Files.writeString(packages.dir().resolve(version + ".jar.sig"), "c2lnbmF0dXJl\n");
	}

	@Test
	void shouldServeThePackageAndItsSignatureToAnEnrolledAgent() throws Exception {
		AgentClient agent = enrolledAgent();

		HttpResponse<String> jar = get(agent, AgentApi.path(AgentApi.UPDATE_PACKAGE, version), agent.credential());
		HttpResponse<String> signature = get(agent, AgentApi.path(AgentApi.UPDATE_SIGNATURE, version),
				agent.credential());

		assertThat(jar.statusCode()).isEqualTo(200);
		assertThat(jar.body()).isEqualTo(content);
		assertThat(jar.headers().firstValue("Content-Type")).hasValue("application/java-archive");
		assertThat(jar.headers().firstValue(UpdateController.SHA256_HEADER)).hasValue(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.ISO_8859_1))));
		assertThat(signature.statusCode()).isEqualTo(200);
		assertThat(signature.body()).isEqualTo("c2lnbmF0dXJl");
	}

	@Test
	void shouldRefuseTheDownloadWithoutAValidCredential() {
		AgentClient agent = enrolledAgent();

		HttpResponse<String> none = get(agent, AgentApi.path(AgentApi.UPDATE_PACKAGE, version), null);
		HttpResponse<String> wrong = get(agent, AgentApi.path(AgentApi.UPDATE_SIGNATURE, version),
				agent.credential() + "x");

		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.body()).contains("missing credential").doesNotContain("update package");
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	@Test
	void shouldAnswer404WhenTheVersionIsUnknownOrUnsigned() throws Exception {
		AgentClient agent = enrolledAgent();
		Files.delete(packages.dir().resolve(version + ".jar.sig"));

		HttpResponse<String> unknown = get(agent, AgentApi.path(AgentApi.UPDATE_PACKAGE, "0.0.0-none"),
				agent.credential());
		HttpResponse<String> unsigned = get(agent, AgentApi.path(AgentApi.UPDATE_SIGNATURE, version),
				agent.credential());

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("no update package 0.0.0-none on this server");
		assertThat(unsigned.statusCode()).isEqualTo(404);
	}

	@Test
	void shouldNotServeAnythingOutsideTheUpdateFolderWhenThePathTraverses() throws Exception {
		AgentClient agent = enrolledAgent();
		Path outside = packages.dir().getParent().resolve("secret-" + version + ".jar");
		Files.writeString(outside, "secret");
		try {
			for (String version : new String[] { "..%2Fsecret-" + this.version, "..%5Csecret-" + this.version,
					"..", "...", ".." + this.version, "%2E%2E", "x%00" }) {
				HttpResponse<String> response = get(agent, AgentApi.PREFIX + "/update/" + version, agent.credential());

				assertThat(response.statusCode()).as(version).isIn(400, 404);
				assertThat(response.body()).as(version).doesNotContain("secret").doesNotContain("PK");
			}
			HttpResponse<String> refused = get(agent, AgentApi.PREFIX + "/update/..x", agent.credential());
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("not a package version");
		}
		finally {
			Files.deleteIfExists(outside);
		}
	}

	private HttpResponse<String> get(AgentClient agent, String path, String credential) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
			.header(AgentApi.VERSION_HEADER, Integer.toString(AgentApi.VERSION))
			.header("Accept", "*/*")
			.GET();
		if (credential != null) {
			request.header("Authorization", "Bearer " + credential);
		}
		return agent.send(request.build());
	}

}
