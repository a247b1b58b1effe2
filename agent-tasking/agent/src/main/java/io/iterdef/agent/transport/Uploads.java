package io.iterdef.agent.transport;

import java.io.IOException;

import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;

/** The chunked upload calls file.collect uses (the client implements them; tests record them). */
public interface Uploads {

	UploadStarted start(String taskId, UploadStart start) throws IOException, InterruptedException;

	void chunk(String uploadId, int index, byte[] bytes, int length) throws IOException, InterruptedException;

	void finish(String uploadId) throws IOException, InterruptedException;

}
