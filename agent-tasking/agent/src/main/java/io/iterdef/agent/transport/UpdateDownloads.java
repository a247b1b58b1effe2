package io.iterdef.agent.transport;

import java.io.IOException;

/** The downloads agent.update makes (the client implements them; tests serve canned bytes). */
public interface UpdateDownloads {

	/** The package of {@code version}; fails when the server has none or it is larger than {@code maxBytes}. */
	byte[] updatePackage(String version, long maxBytes) throws IOException, InterruptedException;

	/** The release signature of {@code version}'s package (the bytes the signature file holds, base64 text). */
	byte[] updateSignature(String version) throws IOException, InterruptedException;

}
