package io.iterdef.agent.server.upload;

import java.io.IOException;
import java.util.UUID;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.server.agent.Agent;
import io.iterdef.agent.server.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The upload paths of the agent API; a chunk body is read up to the chunk size plus one byte, never more. */
@RestController
class UploadController {

	private final UploadService uploads;

	UploadController(UploadService uploads) {
		this.uploads = uploads;
	}

	@PostMapping(AgentApi.UPLOAD_START)
	UploadStarted start(@PathVariable UUID taskId, @RequestBody UploadStart start, HttpServletRequest http) {
		return uploads.start(Agent.of(http).id(), taskId, start);
	}

	@PutMapping(AgentApi.UPLOAD_CHUNK)
	ResponseEntity<Void> chunk(@PathVariable UUID uploadId, @PathVariable int index, HttpServletRequest http)
			throws IOException {
		if (http.getContentLengthLong() > uploads.chunkBytes()) {
			throw tooLarge();
		}
		byte[] data = http.getInputStream().readNBytes(uploads.chunkBytes() + 1);
		if (data.length > uploads.chunkBytes()) {
			throw tooLarge();
		}
		uploads.chunk(Agent.of(http).id(), uploadId, index, data);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(AgentApi.UPLOAD_FINISH)
	ResponseEntity<Void> finish(@PathVariable UUID uploadId, HttpServletRequest http) {
		uploads.finish(Agent.of(http).id(), uploadId);
		return ResponseEntity.noContent().build();
	}

	private ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "chunk over " + uploads.chunkBytes() + " bytes",
				"split the file into chunks of the size the upload start answered");
	}

}
