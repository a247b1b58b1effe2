package io.iterdef.agent.server.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.server.system.ApiException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@value AgentApi#UPDATE_PACKAGE} and {@value AgentApi#UPDATE_SIGNATURE}: the update package and its release
 * signature, for enrolled agents only (the agent authentication filter covers {@value AgentApi#PREFIX}). The
 * package carries {@code X-Iterdef-Sha256}; the agent checks the SHA-256 of the task and the signature with its
 * own release key, not this header.
 */
@RestController
class UpdateController {

	static final String SHA256_HEADER = "X-Iterdef-Sha256";

	private final UpdatePackages packages;

	UpdateController(UpdatePackages packages) {
		this.packages = packages;
	}

	@GetMapping(AgentApi.UPDATE_PACKAGE)
	ResponseEntity<Resource> updatePackage(@PathVariable String version) throws IOException {
		Path jar = packages.jar(version).orElseThrow(() -> missing(version, version + ".jar"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/java-archive"))
			.contentLength(Files.size(jar))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("iterdef-agent-" + version + ".jar").build().toString())
			.header(SHA256_HEADER, UpdatePackages.sha256(jar))
			.body(new FileSystemResource(jar));
	}

	@GetMapping(AgentApi.UPDATE_SIGNATURE)
	ResponseEntity<String> signature(@PathVariable String version) throws IOException {
		Path signature = packages.signature(version).orElseThrow(() -> missing(version, version + ".jar.sig"));
		if (Files.size(signature) > 4096) {
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "the signature file of " + version + " is too large",
					"a release signature is one line of base64 (ReleaseSigner sign)");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(Files.readString(signature).strip());
	}

	private ApiException missing(String version, String file) {
		return new ApiException(HttpStatus.NOT_FOUND, "no update package " + version + " on this server",
				"put " + file + " (made by ReleaseSigner sign) into the server's ITERDEF_AGENT_UPDATE_DIR");
	}

}
