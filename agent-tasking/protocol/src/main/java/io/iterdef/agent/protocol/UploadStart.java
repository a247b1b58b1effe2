package io.iterdef.agent.protocol;

/**
 * Announces a file upload for a task: its name, size and SHA-256. The server refuses (413) a size over the
 * task's byte budget or its own limit, and on finish checks that the chunks add up to the size and hash.
 */
public record UploadStart(String name, long size, String sha256) {
}
