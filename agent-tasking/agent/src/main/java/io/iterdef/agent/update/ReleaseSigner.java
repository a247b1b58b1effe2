package io.iterdef.agent.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import io.iterdef.agent.protocol.AgentApi;

/**
 * Release keys and signatures of agent update packages, run offline by whoever releases the agent:
 *
 * <pre>
 * java -cp iterdef-agent.jar io.iterdef.agent.update.ReleaseSigner keygen &lt;dir&gt;
 *     writes dir/release-private.key (keep it offline, owner-only) and dir/release-public.key, and prints the
 *     update.public.key= line for the agents' configuration
 * java -cp iterdef-agent.jar io.iterdef.agent.update.ReleaseSigner sign &lt;private key file&gt; &lt;jar&gt; &lt;version&gt; &lt;update dir&gt;
 *     copies the jar to update-dir/&lt;version&gt;.jar, writes update-dir/&lt;version&gt;.jar.sig and prints the
 *     agent.update task parameters {"version": ..., "sha256": ...}
 * </pre>
 */
public final class ReleaseSigner {

	private ReleaseSigner() {
	}

	public static void main(String[] args) {
		try {
			System.exit(run(args));
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			System.err.println("ReleaseSigner: " + ex.getMessage());
			System.exit(1);
		}
	}

	static int run(String[] args) throws IOException, GeneralSecurityException {
		if (args.length == 2 && args[0].equals("keygen")) {
			System.out.println("update.public.key=" + keygen(Path.of(args[1])));
			return 0;
		}
		if (args.length == 5 && args[0].equals("sign")) {
			String sha256 = sign(Path.of(args[1]), Path.of(args[2]), args[3], Path.of(args[4]));
			System.out.println("{\"version\": \"" + args[3] + "\", \"sha256\": \"" + sha256 + "\"}");
			return 0;
		}
		System.err.println("usage: ReleaseSigner keygen <dir>\n"
				+ "       ReleaseSigner sign <private key file> <jar> <version> <update dir>");
		return 2;
	}

	/** Makes a key pair in {@code dir}; returns the public key (base64 X.509) for update.public.key. */
	public static String keygen(Path dir) throws IOException, GeneralSecurityException {
		KeyPair pair = KeyPairGenerator.getInstance(ReleaseKeys.ALGORITHM).generateKeyPair();
		Files.createDirectories(dir);
		Path privateKey = dir.resolve("release-private.key");
		if (Files.exists(privateKey)) {
			throw new IllegalArgumentException(privateKey + " exists already; keygen does not overwrite a release key");
		}
		Files.createFile(privateKey);
		if (Files.getFileStore(privateKey).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
		}
		Files.writeString(privateKey, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
		String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
		Files.writeString(dir.resolve("release-public.key"), publicKey + "\n");
		return publicKey;
	}

	/** Signs {@code jar} as {@code version} into {@code updateDir}; returns its SHA-256. */
	public static String sign(Path privateKeyFile, Path jar, String version, Path updateDir)
			throws IOException, GeneralSecurityException {
		if (!version.matches(AgentApi.UPDATE_VERSION_PATTERN)) {
			throw new IllegalArgumentException("version must be letters, digits, '.', '_' and '-' (e.g. 0.2.0): " + version);
		}
		byte[] bytes = Files.readAllBytes(jar);
		String sha256 = ReleaseKeys.sha256(bytes);
		byte[] signature = ReleaseKeys.sign(
				ReleaseKeys.privateKey(Files.readString(privateKeyFile, StandardCharsets.US_ASCII)), version, sha256);
		Files.createDirectories(updateDir);
		Files.write(updateDir.resolve(version + ".jar"), bytes);
		Files.writeString(updateDir.resolve(version + ".jar.sig"), Base64.getEncoder().encodeToString(signature) + "\n");
		return sha256;
	}

}
