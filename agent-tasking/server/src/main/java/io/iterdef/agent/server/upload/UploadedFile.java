package io.iterdef.agent.server.upload;

import java.util.UUID;

/** A completely received, checked upload. */
public record UploadedFile(UUID id, String name, long size, String sha256) {
}
