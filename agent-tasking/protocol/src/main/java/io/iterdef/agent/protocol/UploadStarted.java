package io.iterdef.agent.protocol;

/** The upload's id and the chunk size the server takes (the last chunk may be shorter). */
public record UploadStarted(String uploadId, int chunkBytes) {
}
